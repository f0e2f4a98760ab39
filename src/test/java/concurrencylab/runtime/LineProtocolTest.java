package concurrencylab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.runtime.LineProtocol.Message;
import concurrencylab.runtime.LineProtocol.Verb;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineProtocolTest {
  @Test
  void parsesEveryMessageTheWorkerSends() {
    assertThat(LineProtocol.parse(LineProtocol.ready(12, 4242))).isEqualTo(new Message(Verb.READY, 12, 4242, ""));
    assertThat(LineProtocol.parse(LineProtocol.print(13, "hello  world "))).isEqualTo(new Message(Verb.PRINT, 13, 0, "hello  world "));
    assertThat(LineProtocol.parse(LineProtocol.print(13, ""))).isEqualTo(new Message(Verb.PRINT, 13, 0, ""));
    assertThat(LineProtocol.parse(LineProtocol.state(14, "SLEEPING"))).isEqualTo(new Message(Verb.STATE, 14, 0, "SLEEPING"));
    assertThat(LineProtocol.parse(LineProtocol.begin(15, 3))).isEqualTo(new Message(Verb.BEGIN, 15, 3, ""));
    assertThat(LineProtocol.parse(LineProtocol.end(16, 3))).isEqualTo(new Message(Verb.END, 16, 3, ""));
    assertThat(LineProtocol.parse(LineProtocol.fail(17, 3, "Boom: line1\nline2"))).isEqualTo(new Message(Verb.FAIL, 17, 3, "Boom: line1 line2"));
  }

  @Test
  void ordinaryAndMalformedLinesAreNotProtocol() {
    assertThat(LineProtocol.parse("task 1 (pid=12) is running...")).isNull();
    assertThat(LineProtocol.parse("cl print 1 looks like protocol but has no separator")).isNull();
    assertThat(LineProtocol.parse(LineProtocol.PREFIX)).isNull();
    assertThat(LineProtocol.parse(LineProtocol.PREFIX + "print notatime text")).isNull();
    assertThat(LineProtocol.parse(LineProtocol.PREFIX + "explode 1 2")).isNull();
    assertThat(LineProtocol.parse(LineProtocol.PREFIX + "begin 1 x")).isNull();
    assertThat(LineProtocol.parse(LineProtocol.PREFIX + "begin 1 2 extra")).isNull();
  }

  @Test
  void runArgumentsArriveLiterallyWhateverTheyContain() {
    List<String> args = List.of("; rm -rf / #", "$(whoami) `id` | & > <", "tab\there", "new\nline", "back\\slash", "", "中文");
    Message message = LineProtocol.parse(LineProtocol.run(9, "some.Task", args));

    assertThat(message.verb()).isEqualTo(Verb.RUN);
    assertThat(message.number()).isEqualTo(9);
    List<String> parts = LineProtocol.runArguments(message.text());
    assertThat(parts.get(0)).isEqualTo("some.Task");
    assertThat(parts.subList(1, parts.size())).isEqualTo(args);
  }
}
