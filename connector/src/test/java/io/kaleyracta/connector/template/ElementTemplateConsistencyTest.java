package io.kaleyracta.connector.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.engine.KaleyraConnectorPlugin;
import io.kaleyracta.connector.engine.SendWhatsAppCtaDelegate;
import io.kaleyracta.connector.input.InputField;
import io.kaleyracta.connector.input.InputValidator;
import io.kaleyracta.connector.outcome.SendOutcome;
import io.kaleyracta.connector.testing.Inputs;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every element template in {@code element-templates/} agrees with the connector: the same input names (both
 * ways), the same required inputs, the same length limits, phone and URL checks that accept and reject what
 * {@link InputValidator} does, Kaleyra's {@code wa_source} values, and the delegate's wiring and outputs.
 *
 * <p>{@link InputField} is the one table of inputs; this test is what makes the JSON follow it. A field's
 * acceptance is judged the way the Camunda 7 modeler's properties panel judges it (notEmpty, maxLength in
 * UTF-16 units, then the pattern searched with {@code RegExp.test}); the JavaScript side of the patterns
 * (emoji, the "undefined" of an emptied field) is checked by {@code npm run validate} and the browser test.
 */
class ElementTemplateConsistencyTest {

  /** The connector module is the Maven basedir; the templates sit next to it. */
  private static final Path TEMPLATE_DIR = Path.of("..", "element-templates");
  private static final String MAIN_TEMPLATE = "kaleyra-whatsapp-cta.json";
  private static final String BUSINESS_NUMBER = "+919000000000";
  private static final List<String> KALEYRA_CODES = List.of("RBC001", "WA401", "WA400", "E110", "WA-401", "WA500");

  static Stream<Template> templates() {
    try (Stream<Path> files = Files.list(TEMPLATE_DIR)) {
      List<Path> paths = files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted()
          .toList();
      // the send templates; the "Wait for WhatsApp status" template (a receive task) has no send inputs
      return paths.stream().flatMap(Template::read).filter(Template::isSendTemplate).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + TEMPLATE_DIR.toAbsolutePath(), e);
    }
  }

  @Test
  void findsTheMainTemplateAndTheBeanTemplate() {
    assertThat(templates().map(Template::file))
        .contains(MAIN_TEMPLATE, "kaleyra-whatsapp-cta-bean.json");
  }

  /**
   * Camunda Modeler loads every {@code .json} below a template folder, sub-folders included, and reports
   * anything that is not a template (package.json, node_modules) as broken: the folder holds templates only.
   * A git-ignored node_modules left by a checkout from before the npm project moved out is not counted
   * (element-templates-tests/ci.sh removes it).
   */
  @Test
  void templateFolderHoldsOnlyTemplates() throws IOException {
    try (Stream<Path> entries = Files.list(TEMPLATE_DIR)) {
      assertThat(entries.map(p -> p.getFileName().toString()).filter(name -> !name.equals("node_modules")).sorted())
          .containsExactly("kaleyra-whatsapp-cta-bean.json", MAIN_TEMPLATE, "kaleyra-whatsapp-status-wait.json");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void bindsEveryInputFieldAndNoOtherInput(Template template) {
    List<String> bound = template.inputs().stream().map(Field::inputName).toList();
    List<String> table = Arrays.stream(InputField.values()).map(InputField::inputName).toList();

    assertThat(bound).as("camunda:inputParameter bindings of %s", template).doesNotHaveDuplicates();
    assertThat(bound).as("camunda:inputParameter bindings of %s vs InputField", template)
        .containsExactlyInAnyOrderElementsOf(table);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void requiresExactlyTheRequiredInputs(Template template) {
    SoftAssertions softly = new SoftAssertions();
    for (InputField input : InputField.values()) {
      template.input(input).ifPresent(field -> {
        softly.assertThat(field.notEmpty())
            .as("%s: %s notEmpty (InputField says required=%s)", template, input.inputName(), input.required())
            .isEqualTo(input.required());
        softly.assertThat(field.accepts(""))
            .as("%s: %s accepts an empty value", template, input.inputName())
            .isEqualTo(!input.required());
      });
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void limitsEachTextToTheConnectorsLength(Template template) {
    SoftAssertions softly = new SoftAssertions();
    for (InputField input : InputField.values()) {
      if (input.maxLength() == 0) {
        continue;
      }
      // a link is measured as a valid link: "https://cdn.example.com/" followed by as many letters as fit
      String prefix = input.rule() == InputField.Rule.MEDIA_URL ? "https://cdn.example.com/" : "";
      template.input(input).ifPresent(field -> {
        int max = input.maxLength();
        softly.assertThat(field.longestAccepted(prefix))
            .as("%s: longest %s the template accepts (InputField.maxLength)", template, input.inputName())
            .isEqualTo(max);
        softly.assertThat(field.accepts(prefix + "🎁".repeat(max - prefix.length())))
            .as("%s: %s accepts %d emoji (the connector counts code points)", template, input.inputName(), max)
            .isTrue();
      });
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void acceptsExactlyThePhoneNumbersAndLinksTheConnectorAccepts(Template template) {
    Map<InputField.Rule, List<String>> samples = Map.of(
        InputField.Rule.PHONE, List.of("+919876543210", "919876543210", "+1234567", "1234567", "+123456789012345",
            "123456", "1234567890123456", "+91 98765 43210", "++919876543210", "+91-9876543210", "0800-CALL-US",
            "phone"),
        InputField.Rule.URL, List.of("https://example.com", "http://127.0.0.1:8080/offer", "HTTPS://EXAMPLE.COM/A",
            "https://www.luckyshrub.com?clickID=kqDGWd24Q5TRwoEQTICY7W1JKoXvaZOXWAS7h1P76s0R7Paec4",
            "https://example.com/bookings/42?src=wa&lang=en", "https://example.com/#top", "https://user@example.com/x",
            "javascript:alert(1)", "/relative/path", "example.com/offer", "https://example.com/a b",
            "ftp://example.com/file", "https:///no-host", "https://", "mailto:someone@example.com",
            "https://example.com/{id}"),
        InputField.Rule.MEDIA_URL, List.of("https://cdn.example.com/offer.jpg", "HTTPS://CDN.EXAMPLE.COM/A.PNG",
            "https://127.0.0.1:8443/a.mp4", "https://files.example.com/inv.pdf?sig=a1&exp=2#page=1",
            "http://cdn.example.com/offer.jpg", "http://127.0.0.1:8080/offer.jpg", "HTTP://CDN.EXAMPLE.COM/A.PNG",
            "javascript:alert(1)", "/media/offer.jpg", "cdn.example.com/offer.jpg", "https://cdn.example.com/a b.jpg",
            "ftp://cdn.example.com/a.jpg", "https:///no-host.jpg", "https://", "https://cdn.example.com/{id}.jpg",
            "https://cdn.example.com/" + "a".repeat(1977)));
    SoftAssertions softly = new SoftAssertions();
    for (InputField input : InputField.values()) {
      List<String> values = samples.getOrDefault(input.rule(), List.of());
      template.input(input).ifPresent(field -> values.forEach(value -> softly
          .assertThat(field.accepts(value))
          .as("%s: %s=%s accepted by the template vs InputValidator", template, input.inputName(), value)
          .isEqualTo(connectorAccepts(input, value))));
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void acceptsExpressionsInEveryInput(Template template) {
    SoftAssertions softly = new SoftAssertions();
    for (Field field : template.inputs()) {
      if (field.type().equals("Dropdown")) {
        continue;
      }
      for (String expression : List.of("${customer.phone}", "#{offer.url}", "Hi ${firstName}, see ${offerUrl}")) {
        softly.assertThat(field.accepts(expression))
            .as("%s: %s accepts %s", template, field.inputName(), expression).isTrue();
      }
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void offersKaleyrasSourcesWithTheDefaultFirst(Template template) {
    Field source = template.input(InputField.WA_SOURCE).orElseThrow();

    assertThat(source.type()).isEqualTo("Dropdown");
    assertThat(source.choiceValues()).as("%s: waSource choices", template).isEqualTo(InputField.WA_SOURCES);
    assertThat(source.defaultValue()).isEqualTo(InputField.DEFAULT_WA_SOURCE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void offersEveryChoiceInputAsADropdownWithItsDefaultFirst(Template template) {
    SoftAssertions softly = new SoftAssertions();
    for (InputField input : InputField.values()) {
      if (input.rule() != InputField.Rule.CHOICE) {
        continue;
      }
      Field field = template.input(input).orElseThrow();
      softly.assertThat(field.type()).as("%s: %s", template, input.inputName()).isEqualTo("Dropdown");
      softly.assertThat(field.choiceValues()).as("%s: %s choices", template, input.inputName())
          .isEqualTo(input.choices());
      softly.assertThat(field.defaultValue()).as("%s: %s default", template, input.inputName())
          .isEqualTo(input.choices().get(0));
    }
    softly.assertThat(InputField.HEADER_TYPE.choices().get(0)).isEqualTo(InputField.DEFAULT_HEADER_TYPE);
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void offersEveryOnOffInputAsOffOrOnWithOffTheDefault(Template template) {
    SoftAssertions softly = new SoftAssertions();
    for (InputField input : InputField.values()) {
      if (input.rule() != InputField.Rule.FLAG) {
        continue;
      }
      Field field = template.input(input).orElseThrow();
      softly.assertThat(field.type()).as("%s: %s type", template, input.inputName()).isEqualTo("Dropdown");
      softly.assertThat(field.choiceValues()).as("%s: %s choices", template, input.inputName())
          .containsExactly("false", "true");
      softly.assertThat(field.defaultValue()).as("%s: %s default", template, input.inputName()).isEqualTo("false");
      field.choiceValues().forEach(value -> softly.assertThat(connectorAccepts(input, value))
          .as("%s: the connector accepts %s=%s", template, input.inputName(), value).isTrue());
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void tellsWhichMediaFilesWhatsAppAccepts(Template template) {
    String help = template.input(InputField.HEADER_MEDIA_URL).orElseThrow().json().getString("description");

    assertThat(help).as("%s: the media link's help", template)
        .contains("https://", "JPEG or PNG images up to 5 MB", "MP4 or 3GPP videos", "up to 16 MB",
            "PDF documents up to 100 MB");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void wiresTheConnectorsDelegate(Template template) {
    Map<String, String> wiring = template.fields().stream()
        .filter(f -> f.bindingType().equals("property"))
        .filter(f -> Set.of("camunda:class", "camunda:delegateExpression", "camunda:expression")
            .contains(f.bindingName()))
        .collect(Collectors.toMap(Field::bindingName, Field::defaultValue));
    Map<String, String> byClass = Map.of("camunda:class", SendWhatsAppCtaDelegate.class.getName());
    Map<String, String> byBean = Map.of("camunda:delegateExpression", "${" + KaleyraConnectorPlugin.BEAN_NAME + "}");

    assertThat(wiring).as("%s: implementation", template).isIn(byClass, byBean);
    assertThat(template.fields().stream().filter(f -> f.bindingName().startsWith("camunda:"))
        .filter(f -> f.bindingType().equals("property") && !f.bindingName().equals("camunda:asyncBefore")))
        .allMatch(f -> f.type().equals("Hidden"), "implementation fields are Hidden");
    if (template.file().equals(MAIN_TEMPLATE)) {
      assertThat(wiring).isEqualTo(byClass);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void mapsTheMessageIdAndNamesEveryErrorCode(Template template) {
    List<Field> outputs = template.fields().stream()
        .filter(f -> f.bindingType().equals("camunda:outputParameter")).toList();
    String texts = template.texts();

    assertThat(outputs).singleElement().satisfies(output -> {
      assertThat(output.binding().getString("source")).isEqualTo("${" + SendWhatsAppCtaDelegate.MESSAGE_ID + "}");
      assertThat(output.defaultValue()).isEqualTo("kaleyraMessageId");
    });
    assertThat(texts).as("%s tells which error codes to catch", template)
        .contains(KALEYRA_CODES)
        .contains(SendOutcome.INVALID_INPUT, SendOutcome.UNAVAILABLE, SendOutcome.OUTCOME_UNKNOWN)
        .contains(SendWhatsAppCtaDelegate.ERROR_CODE, SendWhatsAppCtaDelegate.ERROR_MESSAGE);
  }

  /** Judged in a message where the input belongs: a document header for the media link and the file name. */
  private static boolean connectorAccepts(InputField input, String value) {
    Map<String, Object> inputs = switch (input) {
      case HEADER_MEDIA_URL, HEADER_DOCUMENT_FILENAME -> Inputs.withMediaHeader("document");
      default -> Inputs.minimal();
    };
    inputs.put(input.inputName(), value);
    InputValidator.Result result = InputValidator.validate(inputs::get, BUSINESS_NUMBER);
    return result.violations().stream().noneMatch(v -> v.inputName().equals(input.inputName()));
  }

  /** One template of a template file (a file may hold one template or an array of them). */
  record Template(String file, JsonObject json) {

    static Stream<Template> read(Path path) {
      try (JsonReader reader = Json.createReader(Files.newBufferedReader(path))) {
        JsonStructure root = reader.read();
        String file = path.getFileName().toString();
        if (root.getValueType() == JsonValue.ValueType.ARRAY) {
          return root.asJsonArray().getValuesAs(JsonObject.class).stream().map(t -> new Template(file, t));
        }
        return Stream.of(new Template(file, root.asJsonObject()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path, e);
      }
    }

    boolean isSendTemplate() {
      return json.getJsonArray("appliesTo").getValuesAs(JsonString.class).stream()
          .anyMatch(type -> type.getString().equals("bpmn:ServiceTask"));
    }

    List<Field> fields() {
      return json.getJsonArray("properties").getValuesAs(JsonObject.class).stream().map(Field::new).toList();
    }

    List<Field> inputs() {
      return fields().stream().filter(f -> f.bindingType().equals("camunda:inputParameter")).toList();
    }

    Optional<Field> input(InputField input) {
      return inputs().stream().filter(f -> f.inputName().equals(input.inputName())).findFirst();
    }

    /** Everything an analyst reads: the template's and the fields' descriptions. */
    String texts() {
      List<String> texts = new ArrayList<>();
      texts.add(json.getString("description", ""));
      fields().forEach(f -> texts.add(f.json().getString("description", "")));
      return String.join("\n", texts);
    }

    @Override
    public String toString() {
      return file + " (" + json.getString("id") + ")";
    }
  }

  /** One property of a template, judged as camunda-bpmn-js 5.30's properties panel judges input. */
  record Field(JsonObject json) {

    String type() {
      return json.getString("type", "String");
    }

    JsonObject binding() {
      return json.getJsonObject("binding");
    }

    String bindingType() {
      return binding().getString("type");
    }

    String bindingName() {
      return binding().getString("name", "");
    }

    String inputName() {
      return bindingName();
    }

    String defaultValue() {
      JsonValue value = json.get("value");
      return value instanceof JsonString text ? text.getString() : String.valueOf(value);
    }

    List<String> choiceValues() {
      return json.getJsonArray("choices").getValuesAs(JsonObject.class).stream()
          .map(choice -> choice.getString("value")).toList();
    }

    private JsonObject constraints() {
      return json.containsKey("constraints") ? json.getJsonObject("constraints") : JsonValue.EMPTY_JSON_OBJECT;
    }

    boolean notEmpty() {
      return constraints().getBoolean("notEmpty", false);
    }

    /**
     * The properties panel's check (bpmn-js-element-templates {@code propertyValidator}): notEmpty on the trimmed
     * value, maxLength and minLength in UTF-16 units, then {@code new RegExp(pattern).test(value)}, a search.
     */
    boolean accepts(String value) {
      JsonObject constraints = constraints();
      if (notEmpty() && value.isBlank()) {
        return false;
      }
      if (constraints.containsKey("maxLength") && value.length() > constraints.getInt("maxLength")) {
        return false;
      }
      if (constraints.containsKey("minLength") && value.length() < constraints.getInt("minLength")) {
        return false;
      }
      JsonValue pattern = constraints.get("pattern");
      if (pattern == null) {
        return true;
      }
      String regex = pattern instanceof JsonString text ? text.getString() : pattern.asJsonObject().getString("value");
      return find(javaPattern(regex), value);
    }

    /**
     * Java's regex engine recurses once per repetition of a group (the media link's {@code (?:..|..){0,2000}}),
     * JavaScript's does not: a thread with a large stack lets long values be judged as the modeler judges them.
     */
    private static boolean find(Pattern pattern, String value) {
      FutureTask<Boolean> search = new FutureTask<>(() -> pattern.matcher(value).find());
      Thread thread = new Thread(null, search, "template-pattern", 256L << 20);
      thread.start();
      try {
        return search.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("pattern " + pattern + " on a value of " + value.length() + " chars", e);
      }
    }

    /** Longest {@code prefix} + plain letters the field accepts, up to 100000 characters in all. */
    int longestAccepted(String prefix) {
      int low = prefix.length();
      int high = 100_000;
      if (accepts(prefix + "a".repeat(high - low))) {
        return high;
      }
      while (low + 1 < high) {
        int middle = (low + high) >>> 1;
        if (accepts(prefix + "a".repeat(middle - prefix.length()))) {
          low = middle;
        } else {
          high = middle;
        }
      }
      return low;
    }

    /** JavaScript's {@code $} (no m flag) is the end of input; Java's also matches before a final newline. */
    private static Pattern javaPattern(String regex) {
      return Pattern.compile(regex.endsWith("$") && !regex.endsWith("\\$")
          ? regex.substring(0, regex.length() - 1) + "\\z"
          : regex);
    }
  }
}
