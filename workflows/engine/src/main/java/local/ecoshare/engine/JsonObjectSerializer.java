package local.ecoshare.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.Map;
import org.operaton.bpm.engine.impl.variable.serializer.AbstractObjectValueSerializer;

/**
 * Object variables as JSON (lists and maps), so the app's arrays and objects work in expressions
 * and as multi-instance collections without Spin (its JSON data format is not on Maven Central
 * for Operaton 1.0.3).
 */
public class JsonObjectSerializer extends AbstractObjectValueSerializer {
  public static final String DATA_FORMAT = "application/json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public JsonObjectSerializer() {
    super(DATA_FORMAT);
  }

  @Override
  public String getName() {
    return "ecoshare-json";
  }

  @Override
  protected boolean isSerializationTextBased() {
    return true;
  }

  @Override
  protected boolean canSerializeValue(Object value) {
    return value instanceof Collection || value instanceof Map;
  }

  @Override
  protected String getTypeNameForDeserialized(Object value) {
    return value.getClass().getName();
  }

  @Override
  protected byte[] serializeToByteArray(Object value) throws Exception {
    return MAPPER.writeValueAsBytes(value);
  }

  // Whatever type name a client sends, JSON becomes lists, maps and scalars: no class is loaded by name.
  @Override
  protected Object deserializeFromByteArray(byte[] bytes, String objectTypeName) throws Exception {
    return MAPPER.readValue(bytes, Object.class);
  }
}
