package ru.rossgram.functions.notfound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnownRoutesTest {
    private final KnownRoutes routes = new KnownRoutes(List.of(
            "GET /v1/feed", "DELETE /v1/posts/{postId}", "GET /v1/posts/{postId}", "PATCH /v1/posts/{postId}",
            "GET /v1/files/{key+}"));

    @Test
    void aPathOfRoutes_isAnsweredWithTheirMethods_sorted() {
        assertEquals(List.of("GET"), routes.methodsAt("/v1/feed"));
        assertEquals(List.of("DELETE", "GET", "PATCH"), routes.methodsAt("/v1/posts/01JD3Z6Q0V8X2K4M6N8P0R2T4W"));
    }

    @Test
    void aParameter_isOneSegment_unlessGreedy() {
        assertTrue(routes.methodsAt("/v1/posts/a/b").isEmpty());
        assertEquals(List.of("GET"), routes.methodsAt("/v1/files/a/b"));
    }

    @Test
    void aPathNoRouteHas_hasNoMethods() {
        assertTrue(routes.methodsAt("/v1/no-such-route").isEmpty());
        assertTrue(routes.methodsAt("/v1/feed/").isEmpty());
        assertTrue(routes.methodsAt("/v1/posts/").isEmpty());
    }

    @Test
    void theBuild_wroteTheTemplatesRoutes_intoTheJar() {
        KnownRoutes built = KnownRoutes.fromBuild();
        assertEquals(List.of("GET", "PATCH"), built.methodsAt("/v1/me"));
        assertEquals(List.of("DELETE", "PUT"), built.methodsAt("/v1/users/masha.photo/follow"));
        assertTrue(built.methodsAt("/v1/no-such-route").isEmpty());
    }
}
