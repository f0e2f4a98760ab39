package concurrencylab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkerMainTest {
  @Test
  void theWorkersOwnPidIsTheOneTheJdkKnows() {
    assertThat(WorkerMain.ownPid()).isEqualTo(ProcessHandle.current().pid());
  }
}
