/**
 * The managers' view: a read model of every case (one row per process instance, written by engine listeners), the
 * dashboard at {@code /dashboard} with CSV downloads, and the Micrometer meters scraped at {@code /actuator/prometheus}.
 * Procedures are discovered from the engine, so a new BPMN appears without dashboard code: its process name, its
 * end events' names as outcomes, its user tasks and candidate groups, its {@code channel} variable and any
 * {@code lastDayFor*} variable as its legal last day.
 */
package jp.jukiflow.metrics;
