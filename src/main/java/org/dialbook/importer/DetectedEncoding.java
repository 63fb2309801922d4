package org.dialbook.importer;

import java.nio.charset.Charset;

/**
 * The encoding chosen for a file and why, so the wizard can show "UTF-8 (byte-order mark)" and let
 * the user override it.
 */
public record DetectedEncoding(Charset charset, int bomLength, String reason) {
}
