/**
 * A local server speaking the same contract as Exotel (docs/CONTRACT.md), with an embedded
 * store, several accounts, and faults on purpose (throttling, 5xx, lost responses). The app uses it
 * when no account is set up; the tests and benchmarks run against it in-process.
 */
package org.dialbook.sandbox;
