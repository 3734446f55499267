/**
 * A CDS Hooks 2.0 service for the ruxolitinib cream checks: discovery, {@code order-select} and {@code order-sign}
 * hooks, feedback stored in an embedded database, JWT authentication of the calling EHR, and a try-it page. Start
 * it with {@link dev.ruxo.rules.cdshooks.CdsHooksServer#start}; configure it with
 * {@link dev.ruxo.rules.cdshooks.ServiceConfig}. Values are non-null unless documented.
 */
package dev.ruxo.rules.cdshooks;
