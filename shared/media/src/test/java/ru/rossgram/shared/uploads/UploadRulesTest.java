package ru.rossgram.shared.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

class UploadRulesTest {
    @Test
    void contentType_acceptsJpegPngWebp_inAnyCase_ignoringParameters() {
        assertEquals("image/jpeg", UploadRules.contentType("IMAGE/JPEG"));
        assertEquals("image/png", UploadRules.contentType("image/png; charset=binary"));
        assertEquals("image/webp", UploadRules.contentType("image/webp"));
    }

    @Test
    void contentType_heic_isRefusedWithAdviceToSendJpeg() {
        ProblemException refused = assertThrows(ProblemException.class, () -> UploadRules.contentType("image/heic"));
        assertEquals(ProblemType.UNSUPPORTED_IMAGE_TYPE, refused.type());
        assertTrue(refused.detail().contains("JPEG"), refused.detail());
        ProblemException gif = assertThrows(ProblemException.class, () -> UploadRules.contentType("image/gif"));
        assertEquals(ProblemType.UNSUPPORTED_IMAGE_TYPE, gif.type());
    }

    @Test
    void contentLength_mustBePositive_andWithinTheLimit() {
        assertEquals(100, UploadRules.contentLength(100L, 100));
        assertEquals(ProblemType.INVALID_REQUEST, assertThrows(ProblemException.class, () -> UploadRules.contentLength(0L, 100)).type());
        assertEquals(ProblemType.INVALID_REQUEST, assertThrows(ProblemException.class, () -> UploadRules.contentLength(-1L, 100)).type());
        assertEquals(ProblemType.UPLOAD_TOO_LARGE, assertThrows(ProblemException.class, () -> UploadRules.contentLength(101L, 100)).type());
    }

    @Test
    void count_isOneToTen_andOnlyOneForAnAvatar() {
        assertEquals(1, UploadRules.count(null, UploadPurpose.POST));
        assertEquals(10, UploadRules.count(10, UploadPurpose.POST));
        assertEquals(ProblemType.TOO_MANY_PHOTOS, assertThrows(ProblemException.class, () -> UploadRules.count(11, UploadPurpose.POST)).type());
        assertEquals(ProblemType.INVALID_REQUEST, assertThrows(ProblemException.class, () -> UploadRules.count(0, UploadPurpose.POST)).type());
        assertEquals(ProblemType.INVALID_REQUEST, assertThrows(ProblemException.class, () -> UploadRules.count(2, UploadPurpose.AVATAR)).type());
    }
}
