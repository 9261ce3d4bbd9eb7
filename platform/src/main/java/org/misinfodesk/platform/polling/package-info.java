/** When pollers that are mostly told what to do also look everywhere, to catch what nobody told them. */
package org.misinfodesk.platform.polling;
