package ru.rossgram.localcloud.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns template values (literals and the intrinsics a function environment may hold) into the
 * plain strings a deployed stack would give, using local physical names and ARNs.
 */
public final class IntrinsicResolver {

    static final String ACCOUNT_ID = "000000000000";
    static final String STACK_NAME = "rossgram-local";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final SamTemplate template;
    private final PhysicalNames names;  // null while resolving the names themselves
    private final Map<String, String> parameterValues;
    private final String region;

    public IntrinsicResolver(SamTemplate template, PhysicalNames names, Map<String, String> parameterValues, String region) {
        this.template = template;
        this.names = names;
        this.parameterValues = parameterValues;
        this.region = region;
    }

    /**
     * A resolver for the names the template declares ({@code BucketName}, {@code TableName}). Such a
     * name is fixed before any resource exists, so it may use parameter defaults and pseudo parameters
     * but no other resource; resolving one that does throws {@link SamTemplateException}.
     */
    static IntrinsicResolver forDeclaredNames(SamTemplate template, String region) {
        return new IntrinsicResolver(template, null, Map.of(), region);
    }

    /**
     * @return the value as a string, or null for {@code AWS::NoValue} (the key is then left out)
     */
    public String resolve(Object value, String where) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?>) {
            throw new SamTemplateException(where + " is a list; it must be a string");
        }
        if (!(value instanceof Map<?, ?> map)) {
            return String.valueOf(value);
        }
        if (map.size() != 1) {
            throw new SamTemplateException(where + " is a mapping, not an intrinsic function: " + value);
        }
        Map.Entry<?, ?> intrinsic = map.entrySet().iterator().next();
        Object argument = intrinsic.getValue();
        String name = String.valueOf(intrinsic.getKey());
        return switch (name) {
            case "Ref" -> ref(String.valueOf(argument), where);
            case "Fn::GetAtt" -> getAtt(argument, where);
            case "Fn::Sub" -> sub(argument, where);
            case "Fn::Join" -> join(argument, where);
            case "Fn::Select" -> select(argument, where);
            default -> throw new SamTemplateException(where + " uses " + name + ", which is not resolved locally");
        };
    }

    private String ref(String target, String where) {
        if (target.startsWith("AWS::")) {
            return pseudoParameter(target, where);
        }
        if (template.parameterNames().contains(target)) {
            String value = parameterValues.getOrDefault(target, template.parameters().get(target));
            if (value == null && names == null) {
                throw new SamTemplateException(where + " needs parameter " + target
                        + ", which has no default; a resource's name is fixed before parameter values are known");
            }
            if (value == null) {
                throw new SamTemplateException(where + " needs parameter " + target + ", which has no default: pass a value");
            }
            return value;
        }
        if (template.resourceTypes().containsKey(target)) {
            return physicalName(target, where);
        }
        throw new SamTemplateException(where + " refers to " + target + ", which is neither a parameter nor a resource");
    }

    private String pseudoParameter(String name, String where) {
        return switch (name) {
            case "AWS::Region" -> region;
            case "AWS::AccountId" -> ACCOUNT_ID;
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            case "AWS::StackName" -> STACK_NAME;
            case "AWS::StackId" -> "arn:aws:cloudformation:" + region + ":" + ACCOUNT_ID + ":stack/" + STACK_NAME + "/local";
            case "AWS::NoValue" -> null;
            default -> throw new SamTemplateException(where + " refers to " + name + ", which is not resolved locally");
        };
    }

    private String getAtt(Object argument, String where) {
        List<?> parts = argument instanceof List<?> list ? list : List.of(String.valueOf(argument).split("\\.", 2));
        if (parts.size() != 2) {
            throw new SamTemplateException(where + ": Fn::GetAtt needs [LogicalId, Attribute], was " + argument);
        }
        return attribute(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)), where);
    }

    private String attribute(String logicalId, String attribute, String where) {
        String type = template.resourceTypes().get(logicalId);
        if (type == null) {
            throw new SamTemplateException(where + " refers to " + logicalId + ", which is not a resource");
        }
        String name = physicalName(logicalId, where);
        String arn = switch (type) {
            case SamTemplate.TABLE_TYPE -> "arn:aws:dynamodb:" + region + ":" + ACCOUNT_ID + ":table/" + name;
            case SamTemplate.BUCKET_TYPE -> "arn:aws:s3:::" + name;
            case SamTemplate.FUNCTION_TYPE -> "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + name;
            default -> null;
        };
        if (attribute.equals("Arn") && arn != null) {
            return arn;
        }
        throw new SamTemplateException(where + ": Fn::GetAtt " + logicalId + "." + attribute + " (" + type
                + ") is not resolved locally");
    }

    private String physicalName(String logicalId, String where) {
        if (names == null) {
            throw new SamTemplateException(where + " refers to resource " + logicalId
                    + "; a resource's name may use only parameters and pseudo parameters");
        }
        return names.of(logicalId);
    }

    private String sub(Object argument, String where) {
        String text;
        Map<?, ?> variables = Map.of();
        if (argument instanceof List<?> list && list.size() == 2 && list.get(1) instanceof Map<?, ?> vars) {
            text = String.valueOf(list.get(0));
            variables = vars;
        } else if (argument instanceof String string) {
            text = string;
        } else {
            throw new SamTemplateException(where + ": Fn::Sub needs a string or [string, {variables}]");
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1).trim();
            String replacement;
            if (variable.startsWith("!")) {
                replacement = "${" + variable.substring(1) + "}";  // ${!Literal} escapes substitution
            } else if (variables.containsKey(variable)) {
                replacement = resolve(variables.get(variable), where + "." + variable);
            } else if (variable.contains(".")) {
                String[] parts = variable.split("\\.", 2);
                replacement = attribute(parts[0], parts[1], where);
            } else {
                replacement = ref(variable, where);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? "" : replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String join(Object argument, String where) {
        if (!(argument instanceof List<?> list) || list.size() != 2) {
            throw new SamTemplateException(where + ": Fn::Join needs [delimiter, [values]]");
        }
        return String.join(String.valueOf(list.get(0)), values(list.get(1), where));
    }

    private String select(Object argument, String where) {
        if (!(argument instanceof List<?> list) || list.size() != 2) {
            throw new SamTemplateException(where + ": Fn::Select needs [index, [values]]");
        }
        int index = Integer.parseInt(resolve(list.get(0), where).trim());
        List<String> values = values(list.get(1), where);
        if (index < 0 || index >= values.size()) {
            throw new SamTemplateException(where + ": Fn::Select index " + index + " is out of range of " + values);
        }
        return values.get(index);
    }

    /** A list operand: a literal list, Fn::Split, or a Ref to a (comma) list parameter. */
    private List<String> values(Object operand, String where) {
        if (operand instanceof List<?> list) {
            List<String> values = new ArrayList<>();
            for (Object item : list) {
                String value = resolve(item, where);
                if (value != null) {
                    values.add(value);
                }
            }
            return values;
        }
        if (operand instanceof Map<?, ?> map && map.size() == 1) {
            Object split = map.get("Fn::Split");
            if (split instanceof List<?> parts && parts.size() == 2) {
                String delimiter = String.valueOf(parts.get(0));
                return List.of(resolve(parts.get(1), where).split(Pattern.quote(delimiter), -1));
            }
            if (map.containsKey("Ref")) {
                return List.of(resolve(operand, where).split(",", -1));
            }
        }
        throw new SamTemplateException(where + ": expected a list, was " + operand);
    }
}
