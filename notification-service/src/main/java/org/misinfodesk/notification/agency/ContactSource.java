package org.misinfodesk.notification.agency;

/**
 * Where an email contact point comes from: the deployment's configuration, which only a new
 * configuration changes, or an administrator, who may disable, enable and delete it.
 */
public enum ContactSource {

	CONFIGURED,

	MANAGED

}
