/**
 * Municipalities: the nationwide local government code (全国地方公共団体コード).
 */
package jp.jukiflow.municipality;
