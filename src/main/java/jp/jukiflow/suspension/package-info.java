/**
 * Card suspension (カードの一時停止, docs/domain.md §4): the process {@code card-suspension} from the report (counter, a
 * phone call typed by a clerk, or the 24-hour line's API {@code POST /api/v1/card-suspensions}) through the wait for
 * the card to be found (発見・解除) or given up (廃止届), with a clerk's look at long suspensions. The card's status
 * itself changes in the card module ({@link jp.jukiflow.card.CardStatusChanges}), which publishes
 * {@link jp.jukiflow.card.CardStatusChanged} for the certificates.
 */
package jp.jukiflow.suspension;
