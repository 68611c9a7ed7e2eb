package dev.migrate.testing;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives a test throw-away databases of one product, each with a name unique to the run and dropped
 * when the test method ends whatever its outcome: into each field of type {@link TestDatabase}
 * carrying the product's marker, and to each {@link TestDatabase} parameter of a method or class
 * that carries it. {@link FreshPostgres} and {@link FreshMariaDb} are the two products.
 */
abstract class FreshDatabases implements ParameterResolver, BeforeEachCallback {

    private final TestDatabase.Kind kind;
    private final Class<? extends Annotation> marker;
    private final ExtensionContext.Namespace namespace;

    FreshDatabases(TestDatabase.Kind kind, Class<? extends Annotation> marker) {
        this.kind = kind;
        this.marker = marker;
        this.namespace = ExtensionContext.Namespace.create(FreshDatabases.class, kind);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : AnnotationSupport.findAnnotatedFields(instance.getClass(), marker)) {
                if (field.getType() != TestDatabase.class) {
                    throw new IllegalStateException(field + " carries @" + marker.getName()
                            + " but is not a TestDatabase");
                }
                field.setAccessible(true);
                field.set(instance, fresh(context, field.getDeclaringClass().getName() + "." + field.getName()));
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class
                && (parameter.isAnnotated(marker) || marked(context.getTestMethod()) || markedClass(context));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return fresh(context, "parameter " + parameter.getIndex());
    }

    /** A new database, which the test's store closes (drops) after the test method, also when it fails. */
    private TestDatabase fresh(ExtensionContext context, String key) {
        return context.getStore(namespace).getOrComputeIfAbsent(key,
                k -> new Dropped(TestDatabase.create(kind)), Dropped.class).database();
    }

    private boolean marked(Optional<? extends AnnotatedElement> element) {
        return AnnotationSupport.isAnnotated(element, marker);
    }

    private boolean markedClass(ExtensionContext context) {
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            if (AnnotationSupport.isAnnotated(type, marker)) {
                return true;
            }
        }
        return false;
    }

    /** A database JUnit drops when the test's store closes. */
    private record Dropped(TestDatabase database) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            database.close();
        }
    }
}
