package concurrencylab.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code bench --json FILE}: the run's figures for machines. One object: the machine and its load
 * average before and after, every figure with its target and verdict, the notes, and the count of
 * targets met.
 *
 * <pre>{"date": "2026-12-01", "cores": 2, "loadAverageBefore": "0.21 1.24 1.70", ...,
 *  "figures": [{"name": "start_to_first_frame_ratio_app_to_bare", "value": 1.9, "unit": "x",
 *               "target": 1.2, "comparison": "<=", "verdict": "FAIL"}, ...],
 *  "notes": ["..."], "targets": 12, "passed": 9}</pre>
 *
 * A figure without a target has {@code target}, {@code comparison} and {@code verdict} null; a value
 * that could not be computed (NaN) is null too.
 */
final class BenchReport {
  private BenchReport() {}

  static void write(OutputStream out, Machine machine, String loadAfter, List<Figure> figures, List<String> notes) throws IOException {
    try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("date", machine.date().toString());
      json.writeNumberField("cores", machine.cores());
      json.writeStringField("loadAverageBefore", machine.loadAverage());
      json.writeStringField("loadAverageAfter", loadAfter);
      json.writeStringField("java", machine.java());
      json.writeStringField("os", machine.os());
      json.writeArrayFieldStart("figures");
      for (Figure figure : figures) {
        json.writeStartObject();
        json.writeStringField("name", figure.name());
        number(json, "value", figure.value());
        json.writeStringField("unit", figure.unit());
        if (figure.hasTarget()) {
          number(json, "target", figure.target());
          json.writeStringField("comparison", figure.higherIsBetter() ? ">=" : "<=");
          json.writeStringField("verdict", figure.passes() ? "PASS" : "FAIL");
        } else {
          json.writeNullField("target");
          json.writeNullField("comparison");
          json.writeNullField("verdict");
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("notes");
      for (String note : notes) {
        json.writeString(note);
      }
      json.writeEndArray();
      json.writeNumberField("targets", figures.stream().filter(Figure::hasTarget).count());
      json.writeNumberField("passed", figures.stream().filter(Figure::hasTarget).filter(Figure::passes).count());
      json.writeEndObject();
    }
  }

  private static void number(JsonGenerator json, String name, double value) throws IOException {
    if (Double.isFinite(value)) {
      json.writeNumberField(name, value);
    } else {
      json.writeNullField(name);
    }
  }
}
