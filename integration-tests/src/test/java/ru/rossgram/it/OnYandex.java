package ru.rossgram.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test class's {@link LocalRunner} runs in the Yandex mode ({@code --cloud yandex}): API Gateway payload 1.0
 * events and Object Storage triggers to each function's Yandex class, the engines under the Yandex limits. Not
 * inherited: a subclass marked so repeats its parent's end-to-end tests in that mode.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface OnYandex {
}
