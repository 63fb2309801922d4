/**
 * What long background jobs share without knowing each other: the {@link org.dialbook.jobs.CancelToken}
 * an import, an export or a bulk change checks at its safe points. JavaFX-free.
 */
package org.dialbook.jobs;
