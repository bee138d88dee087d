package local.ecoshare.engine;

import java.util.Map;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test only (OPERATON_CLOCK_API=true): moves the engine clock with the app's test clock, so lock
 * expiry, retry back-off and timer due dates are decided by Operaton itself under clock.travel().
 */
@RestController
@ConditionalOnProperty(name = "ecoshare.clock-api", havingValue = "true")
public class ClockController {
  @PutMapping("/ecoshare/clock")
  public Map<String, Object> setOffset(@RequestBody Map<String, Number> body) {
    long offset = body.getOrDefault("offsetMs", 0).longValue();
    if (offset == 0) ClockUtil.reset();
    else ClockUtil.offset(offset);
    return Map.of("offsetMs", offset, "now", ClockUtil.getCurrentTime().getTime());
  }
}
