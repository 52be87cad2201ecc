package jp.jukiflow.jukinet;

/**
 * Handles one type of message arriving at a municipality of this deployment. Other modules register a bean, e.g. the
 * transfer-out module handles {@link MessageType#MOVE_IN_NOTICE} by correlating its BPMN message. Every handler of the
 * type is called, inside the receiving transaction: an exception refuses the message (the sender's job is retried).
 * The inbox calls a handler at most once per message id.
 */
public interface JukinetMessageHandler {

    MessageType type();

    void handle(Envelope envelope);
}
