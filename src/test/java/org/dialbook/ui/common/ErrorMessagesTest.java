package org.dialbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialbook.api.AuthenticationException;
import org.dialbook.api.TransportException;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    @Test
    void transportFailureSaysCheckTheNetwork() {
        String text = ErrorMessages.describe(new TransportException("connect timed out", false, null));

        assertThat(text).contains("Could not reach the server").contains("connect timed out").contains("network");
    }

    @Test
    void authenticationFailureMentionsRegion() {
        String text = ErrorMessages.describe(new AuthenticationException(401, 1010, "Authentication failed", "abc"));

        assertThat(text).contains("refused").contains("my.mum1.exotel.com").contains("Mumbai");
    }
}
