# A button starts long work; a bar shows its progress.
import threading, time
import tkinter as tk
from tkinter import ttk

def long_job(report):
    for step in range(1, 21):
        time.sleep(0.1)                 # one step of work
        report(step / 20)

def on_ui_thread():                     # freezes the window
    long_job(lambda p: bar.config(value=p * 100))

def in_background():                    # window stays alive
    def report(p):                      # only the UI thread
        root.after(0, bar.config, {"value": p * 100})
    threading.Thread(target=long_job, args=(report,),
                     daemon=True).start()

root = tk.Tk()
bar = ttk.Progressbar(root, length=300)
bar.pack()
tk.Button(root, text="UI thread", command=on_ui_thread).pack()
tk.Button(root, text="Background",
          command=in_background).pack()
root.mainloop()
