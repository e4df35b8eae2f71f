/**
 * Wire records of the Acronis Account Management API v2 (reports, errors, tokens), in the
 * platform's snake_case. Shared by the gateway's REST client and the embedded sandbox.
 */
package dev.reportgateway.acronis.model;
