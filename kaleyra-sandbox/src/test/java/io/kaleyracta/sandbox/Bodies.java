package io.kaleyracta.sandbox;

/** The spec's error bodies, compact, as the sandbox must send them. */
final class Bodies {

    static final String RBC001 = "{\"code\":\"RBC001\",\"message\":\"Incorrect SID or API key.\",\"data\":[],"
            + "\"error\":{\"error\":\"Incorrect SID or API key.\"}}";
    static final String WA401 = "{\"code\":\"WA401\",\"message\":\"Phone number is not present or does not belong"
            + " to the account.\",\"data\":{},\"error\":{\"phone_number\":\"Phone number is not present or does not"
            + " belong to the account.\"}}";
    static final String WA400 = "{\"code\":\"WA400\",\"message\":\"Refer to correct payload format\",\"data\":{},"
            + "\"error\":{\"payload\":\"Incorrect payload format\"}}";
    static final String WA500 = "{\"code\":\"WA500\",\"message\":\"Please try again later\",\"data\":{},"
            + "\"error\":{\"error\":\"Internal server error\"}}";
    static final String E110 = "{\"code\":\"E110\",\"message\":\"Please check your balance, You have a low balance!\","
            + "\"data\":{},\"error\":{\"balance\":\"Please check your balance, You have a low balance!\"}}";
    static final String WA_401_ACCOUNT = "{\"code\":\"WA-401\",\"message\":\"API is not available for given"
            + " customer.Please contact support for more info\",\"data\":{},\"error\":{\"account\":\"API is not"
            + " available for given customer.Please contact support for more info\"}}";
    static final String WA_401_VERSION = "{\"code\":\"WA-401\",\"message\":\"The phone number you're using is"
            + " associated with different Version of our WA API. Please use the appropriate endpoint.\",\"data\":{},"
            + "\"error\":{\"phone_number\":\"The phone number you're using is associated with different Version of"
            + " our WA API. Please use the appropriate endpoint.\"}}";

    private Bodies() {
    }
}
