/**
 * Warnings that reach people: delivers the outbox of 红黄绿灯 warnings that a rectify
 * store keeps (`Store.queueWarnings`) by e-mail, signed webhooks and the group robots of
 * 企业微信 and 钉钉, each notice once under its delivery id, failures retried with back-off.
 *
 * @packageDocumentation
 */
export * from './channel.js';
export * from './deliver.js';
export * from './config.js';
export * from './channels/webhook.js';
export * from './channels/wecom.js';
export * from './channels/dingtalk.js';
export * from './channels/smtp.js';
export { truncateUtf8 } from './channels/robot.js';
