package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same payments contract against LocalStack, where a Docker engine answers; skipped cleanly
 * (not failed) where there is none, as on our machines and CI.
 */
@ExtendWith(LocalStackBackend.class)
class PaymentsOnLocalStackTest extends PaymentsContract {
}
