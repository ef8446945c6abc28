package ca.cpa.platform.openapi;

import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds a whole example document from a schema: each field's example, else one its type and format allow. */
final class ExampleComposer {

    private static final String COMPONENT_REF = "#/components/schemas/";

    private ExampleComposer() {
    }

    static Object compose(Schema schema, Map<String, Schema> components) {
        return compose(schema, components, new HashSet<>());
    }

    private static Object compose(Schema schema, Map<String, Schema> components, Set<String> visiting) {
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(COMPONENT_REF.length());
            Schema target = components.get(name);
            if (target == null || !visiting.add(name)) {
                return null; // unknown, or a cycle: the example stops here
            }
            try {
                return compose(target, components, visiting);
            } finally {
                visiting.remove(name);
            }
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        for (List<Schema> alternatives : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (alternatives != null && !alternatives.isEmpty()) {
                return compose(alternatives.get(0), components, visiting);
            }
        }
        if (schema.getProperties() != null) {
            Map<String, Object> object = new LinkedHashMap<>();
            schema.getProperties().forEach((name, property) -> object.put(name, compose(property, components, visiting)));
            return object;
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (types.contains(Schema.SchemaType.ARRAY)) {
            List<Object> array = new ArrayList<>();
            if (schema.getItems() != null) {
                array.add(compose(schema.getItems(), components, visiting));
            }
            return array;
        }
        if (types.contains(Schema.SchemaType.INTEGER) || types.contains(Schema.SchemaType.NUMBER)) {
            return schema.getMinimum() != null ? schema.getMinimum().intValue() : 0;
        }
        if (types.contains(Schema.SchemaType.BOOLEAN)) {
            return false;
        }
        if (types.contains(Schema.SchemaType.STRING)) {
            return ValueFormat.of(schema.getFormat()).map(value -> value.example).orElse("text");
        }
        return null;
    }
}
