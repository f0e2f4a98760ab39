package concurrencylab.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneState;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.LinkTable;
import concurrencylab.trace.SyncObject;
import concurrencylab.trace.Trace;
import concurrencylab.trace.TraceStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Writes every event of a recorded run as CSV (RFC 4180: comma separated, CRLF between records,
 * a field that holds a comma, a quote or a line break is quoted with its quotes doubled), one row
 * per event in time order across all lanes, so that a spreadsheet can sort, filter and count them.
 *
 * <p>Columns: {@value #HEADER}. {@code value} is the raw number of the event (see {@link
 * EventKind}); {@code state} names the lane's state after a START, STATE or END event. The last
 * five are about synchronisation and causes, and empty for most rows: {@code index} is the event's
 * place on its lane (lane and index name an event), {@code object} the name of the synchronisation
 * object it acts on ("lock", "counter"), and {@code link}, {@code from_lane}, {@code from_index}
 * the kind of link that led to it and the event it came from (a lock's hand-over names the
 * release that let this acquisition in; an event reached by several links names the first).
 *
 * <p>How the run was made (lesson, parameters, seed, language, version, start, the command that
 * repeats it) goes beside the file, not into it: CSV has no place for it that every reader skips
 * (a spreadsheet, Python's csv module and pandas by default all take the first line as the
 * header), so {@link #write(Trace, Map, Path)} also writes {@code <name>.csv-metadata.json}, where
 * the W3C's CSV on the Web looks for a CSV file's metadata: the table's URL, its columns, and the
 * run's facts as a note.
 *
 * <p>Read the trace after the run and from the thread that {@link Trace#sync() syncs} it.
 */
public final class CsvWriter {
  public static final String HEADER =
      "time_ns,lane,lane_name,lane_kind,pid,kind,value,state,text,index,object,link,from_lane,from_index";
  private static final String EOL = "\r\n";

  private CsvWriter() {}

  /** Writes the CSV and, beside it, its metadata file with the run's facts ({@code about}). */
  public static void write(Trace trace, Map<String, String> about, Path file) throws IOException {
    write(trace, file);
    writeMetadata(about, file);
  }

  /** Where the metadata of a CSV file goes: {@code pool.csv} → {@code pool.csv-metadata.json}. */
  public static Path metadataFile(Path csv) {
    return csv.resolveSibling(csv.getFileName() + "-metadata.json");
  }

  private static void writeMetadata(Map<String, String> about, Path csv) throws IOException {
    try (java.io.OutputStream out = Files.newOutputStream(metadataFile(csv));
        JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("@context", "http://www.w3.org/ns/csvw");
      json.writeStringField("url", csv.getFileName().toString());
      json.writeStringField("dc:creator", "Concurrency Lab");
      json.writeObjectFieldStart("tableSchema");
      json.writeArrayFieldStart("columns");
      for (String column : HEADER.split(",")) {
        json.writeStartObject();
        json.writeStringField("name", column);
        json.writeStringField("titles", column);
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeArrayFieldStart("notes");
      json.writeStartObject();
      for (Map.Entry<String, String> fact : about.entrySet()) {
        json.writeStringField(fact.getKey(), fact.getValue());
      }
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** Writes the CSV alone. */
  public static void write(Trace trace, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(trace, out);
    }
  }

  /** Writes the CSV to {@code out}, which is flushed and left open. */
  public static void write(Trace trace, Writer out) throws IOException {
    Writer w = out instanceof BufferedWriter ? out : new BufferedWriter(out);
    w.write(HEADER);
    w.write(EOL);
    List<Lane> lanes = trace.lanes();
    TraceStore store = trace.store();
    // each lane is already in time order: merge them, the earlier event (then the lower lane) first
    PriorityQueue<Cursor> next = new PriorityQueue<>();
    for (Lane lane : lanes) {
      LaneTrack track = store.track(lane.id());
      if (track.size() > 0) {
        next.add(new Cursor(lane, track));
      }
    }
    Map<Long, Integer> linksTo = linksByTarget(store.links());
    List<SyncObject> objects = trace.syncObjects();
    StringBuilder row = new StringBuilder(128);
    while (!next.isEmpty()) {
      Cursor cursor = next.poll();
      row.setLength(0);
      appendRow(row, cursor.lane, cursor.track, cursor.index);
      appendCause(row, store.links(), linksTo.get(key(cursor.lane.id(), cursor.index)), objects, cursor.track, cursor.index);
      w.append(row);
      if (++cursor.index < cursor.track.size()) {
        next.add(cursor);
      }
    }
    w.flush();
  }

  private static void appendRow(StringBuilder row, Lane lane, LaneTrack track, int index) {
    EventKind kind = track.kind(index);
    long value = track.value(index);
    row.append(track.time(index)).append(',');
    row.append(lane.id()).append(',');
    appendField(row, EnglishTexts.render(lane.name())).append(',');
    row.append(lane.kind().name()).append(',');
    row.append(lane.pid()).append(',');
    row.append(kind.name()).append(',');
    row.append(value).append(',');
    row.append(stateName(kind, value)).append(',');
    appendField(row, EnglishTexts.render(track.text(index))).append(',');
  }

  private static void appendCause(StringBuilder row, LinkTable links, Integer link, List<SyncObject> objects, LaneTrack track, int index) {
    row.append(index).append(',');
    int object = track.object(index);
    if (object >= 0 && object < objects.size()) {
      appendField(row, EnglishTexts.render(objects.get(object).name()));
    }
    row.append(',');
    if (link != null) {
      row.append(links.kind(link).name()).append(',').append(links.fromLane(link)).append(',').append(links.fromIndex(link));
    } else {
      row.append(",,");
    }
    row.append(EOL);
  }

  /** The first link that leads to each event, by {@link #key} of its lane and index. */
  private static Map<Long, Integer> linksByTarget(LinkTable links) {
    Map<Long, Integer> byTarget = new HashMap<>();
    for (int k = 0; k < links.size(); k++) {
      byTarget.putIfAbsent(key(links.toLane(k), links.toIndex(k)), k);
    }
    return byTarget;
  }

  private static long key(int lane, int index) {
    return ((long) lane << 32) | index;
  }

  private static String stateName(EventKind kind, long value) {
    return switch (kind) {
      case START -> LaneState.RUNNING.name();
      case END -> LaneState.ENDED.name();
      case STATE -> value >= 0 && value < LaneState.values().length ? LaneState.values()[(int) value].name() : "";
      default -> "";
    };
  }

  /** Appends a field, quoted when it has to be. */
  static StringBuilder appendField(StringBuilder row, String text) {
    boolean quote = false;
    for (int i = 0; i < text.length() && !quote; i++) {
      char c = text.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      return row.append(text);
    }
    row.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        row.append('"');
      }
      row.append(c);
    }
    return row.append('"');
  }

  private static final class Cursor implements Comparable<Cursor> {
    final Lane lane;
    final LaneTrack track;
    int index;

    Cursor(Lane lane, LaneTrack track) {
      this.lane = lane;
      this.track = track;
    }

    @Override
    public int compareTo(Cursor other) {
      int byTime = Long.compare(track.time(index), other.track.time(other.index));
      return byTime != 0 ? byTime : Integer.compare(lane.id(), other.lane.id());
    }
  }
}
