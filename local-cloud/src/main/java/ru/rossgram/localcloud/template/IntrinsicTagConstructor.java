package ru.rossgram.localcloud.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Loads CloudFormation short-form intrinsics ({@code !Ref X}, {@code !GetAtt A.B}, {@code !Sub ...})
 * as their long forms, the way the SAM CLI's YAML loader does: {@code !Ref} and {@code !Condition}
 * keep their name, every other tag becomes {@code Fn::<Tag>}, and a scalar {@code !GetAtt} is split
 * at its first dot.
 */
final class IntrinsicTagConstructor extends SafeConstructor {

    IntrinsicTagConstructor(LoaderOptions options) {
        super(options);
        // Any local tag ("!Xyz"): SAM registers a multi-constructor for the "!" prefix too.
        yamlMultiConstructors.put("!", new ConstructIntrinsic());
        // CloudFormation has no timestamps; an unquoted date must stay the text it was written as.
        yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }

    private final class ConstructIntrinsic extends AbstractConstruct {
        @Override
        public Object construct(Node node) {
            String tag = node.getTag().getValue().substring(1);
            String key = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
            Object value;
            if (node instanceof ScalarNode scalar) {
                String text = constructScalar(scalar);
                value = tag.equals("GetAtt") ? List.of(text.split("\\.", 2)) : text;
            } else if (node instanceof SequenceNode sequence) {
                value = constructSequence(sequence);
            } else {
                value = constructMapping((MappingNode) node);
            }
            Map<String, Object> longForm = new LinkedHashMap<>();
            longForm.put(key, value);
            return longForm;
        }
    }
}
