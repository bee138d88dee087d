package local.ecoshare.engine;

import java.util.ArrayList;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.springframework.stereotype.Component;

/** Registers the JSON serializer and makes it the default for untyped lists and maps. */
@Component
public class JsonVariablesPlugin extends AbstractProcessEnginePlugin {
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var serializers = configuration.getCustomPreVariableSerializers();
    var list = serializers == null ? new ArrayList<TypedValueSerializer>() : new ArrayList<>(serializers);
    list.add(new JsonObjectSerializer());
    configuration.setCustomPreVariableSerializers(list);
    configuration.setDefaultSerializationFormat(JsonObjectSerializer.DATA_FORMAT);
  }
}
