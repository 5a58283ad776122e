package ru.rossgram.local;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * The type arguments a class gives a generic interface, as a runtime finds a handler's input and output types:
 * {@code I} and {@code O} of {@code RequestHandler<I, O>} or {@code Function<I, O>}, followed through generic
 * superclasses and superinterfaces ({@code class GetMe extends HttpFunction}, {@code HttpFunction implements
 * Function<Event, Answer>}).
 */
final class TypeArguments {
    private TypeArguments() {
    }

    /**
     * @return the arguments {@code type} binds {@code generic}'s parameters to; {@code Object} for one left open
     * @throws IllegalArgumentException when {@code type} does not implement {@code generic}
     */
    static Type[] of(Class<?> type, Class<?> generic) {
        Type[] found = search(type, generic, Map.of());
        if (found == null) {
            throw new IllegalArgumentException(type.getName() + " does not implement " + generic.getName());
        }
        return found;
    }

    private static Type[] search(Type type, Class<?> generic, Map<TypeVariable<?>, Type> outer) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> bound = new HashMap<>();
        if (type instanceof ParameterizedType p) {
            raw = (Class<?>) p.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            for (int i = 0; i < variables.length; i++) {
                bound.put(variables[i], resolve(p.getActualTypeArguments()[i], outer));
            }
        } else if (type instanceof Class<?> c) {
            raw = c;
        } else {
            return null;
        }
        if (raw == generic) {
            Type[] arguments = new Type[raw.getTypeParameters().length];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = bound.getOrDefault(raw.getTypeParameters()[i], Object.class);
            }
            return arguments;
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Type[] found = search(parent, generic, bound);
            if (found != null) {
                return found;
            }
        }
        return raw.getGenericSuperclass() == null ? null : search(raw.getGenericSuperclass(), generic, bound);
    }

    private static Type resolve(Type type, Map<TypeVariable<?>, Type> bound) {
        return type instanceof TypeVariable<?> v ? bound.getOrDefault(v, Object.class) : type;
    }
}
