package ru.rossgram.deploy.yandex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.rossgram.localcloud.template.SamTemplate;

/** A function's template environment becomes bash words that give each variable its Yandex value. */
class EnvironmentWordsTest {

    private static final String TEMPLATE = """
            Parameters:
              Secret:
                Type: String
              Style:
                Type: String
                Default: 'false'
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                  KeySchema: [{AttributeName: pk, KeyType: HASH}]
              Media:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Join ['-', ['media', !Select [2, !Split ['/', !Ref 'AWS::StackId']]]]
              WorkFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: work.jar
                  Handler: example.WorkHandler
                  Environment:
                    Variables:
                      TABLE: !Ref Table
                      BUCKET: !Join ['-', ['media', !Select [2, !Split ['/', !Ref 'AWS::StackId']]]]
                      SECRET: !Ref Secret
                      GREETING: !Sub "it's ${Style} here"
                      PLAIN: -XX:+TieredCompilation
            """;

    @Test
    void refsAndTheBucketsNameExpression_becomeTheDeploymentsNames_parametersTheirSettings(@TempDir Path directory)
            throws IOException {
        SamTemplate template = load(directory, TEMPLATE);
        EnvironmentWords words = new EnvironmentWords(template);

        Map<String, String> environment = words.of(template.function("WorkFunction").orElseThrow());

        assertEquals("\"${resource_Table}\"", environment.get("TABLE"));
        assertEquals("\"${resource_Media}\"", environment.get("BUCKET"), "the same expression as the bucket's name");
        assertEquals("\"${param_Secret}\"", environment.get("SECRET"));
        assertEquals("'it'\\''s '\"${param_Style}\"' here'", environment.get("GREETING"));
        assertEquals("'-XX:+TieredCompilation'", environment.get("PLAIN"));
        assertEquals(Set.of("Secret", "Style"), words.usedParameters());
    }

    @Test
    void theWords_readBackByBash_areTheValues(@TempDir Path directory) throws Exception {
        SamTemplate template = load(directory, TEMPLATE);
        Map<String, String> environment = new EnvironmentWords(template).of(template.function("WorkFunction").orElseThrow());
        String script = "param_Style='a \"b\"'\nprintf '%s\\n' " + environment.get("GREETING") + " " + environment.get("PLAIN");

        Process bash = new ProcessBuilder("bash", "-c", script).start();

        assertEquals(List.of("it's a \"b\" here", "-XX:+TieredCompilation"),
                new String(bash.getInputStream().readAllBytes()).lines().toList());
        assertEquals(0, bash.waitFor());
    }

    @Test
    void anArn_stopsTheBuild_forItMeansNothingOnYandex(@TempDir Path directory) throws IOException {
        SamTemplate template = load(directory, TEMPLATE.replace("PLAIN: -XX:+TieredCompilation", "PLAIN: !GetAtt Table.Arn"));
        EnvironmentWords words = new EnvironmentWords(template);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> words.of(template.function("WorkFunction").orElseThrow()));

        assertTrue(refused.getMessage().contains("WorkFunction.Environment.Variables.PLAIN"), refused.getMessage());
    }

    private static SamTemplate load(Path directory, String text) throws IOException {
        Path file = directory.resolve(SamTemplate.FILE_NAME);
        Files.writeString(file, text);
        return SamTemplate.load(file);
    }
}
