package local.ecoshare.engine;

import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.OptimisticLockingException;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.repository.Deployment;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test only (OPERATON_CLOCK_API=true, like the clock API): empties the engine between two
 * functional tests. Their global transaction rolls back the app database, not Operaton, so
 * without this an earlier test's instances, tasks, timers and deployed versions (and the
 * business keys the app reuses after its rollback) would leak into the next test. Deleting
 * every deployment with cascade removes the instances, their history and jobs in one go; the
 * app deploys its shipped processes again on next use.
 */
@RestController
@ConditionalOnProperty(name = "ecoshare.clock-api", havingValue = "true")
public class TestStateController {
  private final RepositoryService repository;
  private final HistoryService history;

  public TestStateController(RepositoryService repository, HistoryService history) {
    this.repository = repository;
    this.history = history;
  }

  @DeleteMapping("/ecoshare/state")
  public Map<String, Object> wipe() throws InterruptedException {
    int deployments = 0;
    // The job executor may still be running a job of an instance being deleted: try again.
    for (int attempt = 1; ; attempt++) {
      try {
        for (Deployment deployment : repository.createDeploymentQuery().list()) {
          repository.deleteDeployment(deployment.getId(), true, true, true);
          deployments++;
        }
        break;
      } catch (OptimisticLockingException conflict) {
        if (attempt == 5) throw conflict;
        Thread.sleep(100L * attempt);
      }
    }
    List<String> orphans =
        history.createHistoricProcessInstanceQuery().list().stream()
            .map(HistoricProcessInstance::getId)
            .toList();
    if (!orphans.isEmpty()) history.deleteHistoricProcessInstancesIfExists(orphans);
    ClockUtil.reset();
    return Map.of("deployments", deployments, "orphanedHistory", orphans.size());
  }
}
