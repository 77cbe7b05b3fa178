package io.sparkfeed.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the key that signs remember-me cookies comes from, and when a start must refuse to go on without one. */
class RememberMeKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutConfigurationTheKeyIsGeneratedOnceAndKeptBesideTheData() throws Exception {
        String first = RememberMeConfig.key("", false, dataDir);

        assertThat(first).hasSize(64).matches("[0-9a-f]+");
        assertThat(Files.readString(dataDir.resolve("remember-me.key"))).isEqualTo(first);
        assertThat(RememberMeConfig.key(" ", false, dataDir)).isEqualTo(first);
    }

    @Test
    void aConfiguredKeyIsUsedAsItIsAndNothingIsWritten() {
        String configured = "0123456789abcdef0123456789abcdef-shared-by-every-instance";

        assertThat(RememberMeConfig.key(configured, true, dataDir)).isEqualTo(configured);
        assertThat(dataDir.resolve("remember-me.key")).doesNotExist();
    }

    @Test
    void aProfileThatRequiresConfiguredKeysRefusesToStartWithoutOneAndSaysWhatToSet() {
        assertThatIllegalStateException()
                .isThrownBy(() -> RememberMeConfig.key("", true, dataDir))
                .withMessageContaining("sparkfeed.security.remember-me-key")
                .withMessageContaining("SPARKFEED_SECURITY_REMEMBER_ME_KEY");
        assertThat(dataDir.resolve("remember-me.key")).doesNotExist();
    }

    @Test
    void aShortKeyIsRefusedEvenWhereKeysMayBeGenerated() {
        assertThatIllegalStateException()
                .isThrownBy(() -> RememberMeConfig.key("secret", false, dataDir))
                .withMessageContaining("6 characters");
    }
}
