package concurrencylab.ui;

import java.util.List;

public final class LabApp {
  public static void launchWith(List<String> args) {}
}
