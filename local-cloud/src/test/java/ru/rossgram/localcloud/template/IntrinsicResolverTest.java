package ru.rossgram.localcloud.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntrinsicResolverTest {

    private static Map<String, Object> env;
    private static IntrinsicResolver resolver;

    @BeforeAll
    static void load(@TempDir Path dir) throws IOException {
        SamTemplate template = SamTemplate.load(Files.writeString(dir.resolve(SamTemplate.FILE_NAME), """
                Parameters:
                  Stage: {Type: String, Default: dev}
                  Secret: {Type: String}
                  Origins: {Type: CommaDelimitedList, Default: 'a,b,c'}
                Resources:
                  Table: {Type: AWS::DynamoDB::Table, Properties: {KeySchema: [{AttributeName: pk, KeyType: HASH}]}}
                  Media: {Type: AWS::S3::Bucket}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment:
                        Variables:
                          LITERAL_NUMBER: 42
                          LITERAL_BOOL: true
                          TABLE: !Ref Table
                          BUCKET: !Ref Media
                          TABLE_ARN: !GetAtt Table.Arn
                          BUCKET_ARN: !GetAtt Media.Arn
                          FN_ARN: !GetAtt Fn.Arn
                          STAGE: !Ref Stage
                          SECRET: !Ref Secret
                          SUB: !Sub 'arn:${AWS::Partition}:s3:::${Media}/${Stage}/${!Literal}'
                          SUB_ATT: !Sub '${Table.Arn}/index/*'
                          SUB_VARS: !Sub ['${Name}-${AWS::Region}', {Name: !Ref Stage}]
                          JOINED: !Join [':', [!Ref Stage, x, !Ref AWS::AccountId]]
                          SECOND: !Select [1, !Ref Origins]
                          SPLIT: !Select [2, !Split ['/', 'p/q/r']]
                          GONE: !Ref AWS::NoValue
                          STREAM: !GetAtt Table.StreamArn
                """));
        env = template.function("Fn").orElseThrow().environment();
        resolver = new IntrinsicResolver(template, new PhysicalNames(template, "eu-west-1"),
                Map.of("Secret", "s3cr3t", "Stage", "test"), "eu-west-1");
    }

    private static String resolve(String name) {
        return resolver.resolve(env.get(name), name);
    }

    @Test
    void literalsBecomeStrings() {
        assertEquals("42", resolve("LITERAL_NUMBER"));
        assertEquals("true", resolve("LITERAL_BOOL"));
    }

    @Test
    void refsBecomePhysicalNamesAndParameterValues() {
        assertEquals("rossgram-local-Table", resolve("TABLE"));
        assertEquals("rossgram-local-media", resolve("BUCKET"));
        assertEquals("test", resolve("STAGE"));
        assertEquals("s3cr3t", resolve("SECRET"));
    }

    @Test
    void arnsAreLocalButPlausible() {
        assertEquals("arn:aws:dynamodb:eu-west-1:000000000000:table/rossgram-local-Table", resolve("TABLE_ARN"));
        assertEquals("arn:aws:s3:::rossgram-local-media", resolve("BUCKET_ARN"));
        assertEquals("arn:aws:lambda:eu-west-1:000000000000:function:rossgram-local-Fn", resolve("FN_ARN"));
    }

    @Test
    void substitutesJoinsAndSelects() {
        assertEquals("arn:aws:s3:::rossgram-local-media/test/${Literal}", resolve("SUB"));
        assertEquals("arn:aws:dynamodb:eu-west-1:000000000000:table/rossgram-local-Table/index/*", resolve("SUB_ATT"));
        assertEquals("test-eu-west-1", resolve("SUB_VARS"));
        assertEquals("test:x:000000000000", resolve("JOINED"));
        assertEquals("b", resolve("SECOND"));
        assertEquals("r", resolve("SPLIT"));
    }

    @Test
    void noValueDropsTheVariable() {
        assertNull(resolve("GONE"));
    }

    @Test
    void saysWhatItCannotResolve() {
        SamTemplateException e = assertThrows(SamTemplateException.class, () -> resolve("STREAM"));
        assertEquals("STREAM: Fn::GetAtt Table.StreamArn (AWS::DynamoDB::Table) is not resolved locally", e.getMessage());
    }
}
