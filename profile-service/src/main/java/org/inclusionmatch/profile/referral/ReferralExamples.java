package org.inclusionmatch.profile.referral;

/** Whole-body examples for the OpenAPI document. */
final class ReferralExamples {

    static final String REFERRAL = """
            {"id":"6f1d0c2e-3b7a-4f43-9a53-2d8c1e0b7a11","personId":"0b5e7c9a-1d2f-4e3a-8b6c-7d8e9f0a1b2c",\
            "status":"REFERRED","reason":null,\
            "referrer":{"id":"2a4c6e8f-0b1d-4c3e-9f5a-7b9d1e3f5a7c","code":"VPD-RIGA","name":"State Probation Service, Riga"},\
            "provider":{"id":"9c8b7a6f-5e4d-4c3b-8a1f-0e9d8c7b6a5f","code":"DISU-SIGULDA","name":"Sigulda social enterprise"},\
            "measure":{"id":"4d3c2b1a-0f9e-4d8c-9b7a-6f5e4d3c2b1a","code":"DISU-SIG-DIGI","title":"Digital skills for a first job"},\
            "contact":{"name":"Anna Bērziņa","email":"anna.berzina@probacija.example.lv","phone":"+371 2612 3456"},\
            "message":"Available on weekday mornings; prefers a group in Latvian.",\
            "needs":["DIGITAL_SKILLS"],"goals":["OPEN_LABOUR_MARKET"],"languages":["lv","ru"],\
            "shared":{"categories":["AGE","TARGET_GROUPS","CRIMINAL_RECORD"],"consentIds":["7e6d5c4b-3a2f-4e1d-8c9b-0a1f2e3d4c5b"],\
            "birthYear":1988,"targetGroups":["LONG_TERM_UNEMPLOYED","FORMER_PRISONER"]},\
            "version":0,"createdAt":"2026-11-20T09:15:00Z","updatedAt":"2026-11-20T09:15:00Z"}""";

    static final String MINIMAL_REFERRAL = """
            {"id":"6f1d0c2e-3b7a-4f43-9a53-2d8c1e0b7a11","personId":"0b5e7c9a-1d2f-4e3a-8b6c-7d8e9f0a1b2c",\
            "status":"REFERRED","reason":null,\
            "referrer":{"id":"2a4c6e8f-0b1d-4c3e-9f5a-7b9d1e3f5a7c","code":"VPD-RIGA","name":"State Probation Service, Riga"},\
            "provider":{"id":"9c8b7a6f-5e4d-4c3b-8a1f-0e9d8c7b6a5f","code":"DISU-SIGULDA","name":"Sigulda social enterprise"},\
            "measure":{"id":"4d3c2b1a-0f9e-4d8c-9b7a-6f5e4d3c2b1a","code":"DISU-SIG-DIGI","title":"Digital skills for a first job"},\
            "contact":null,"message":null,"needs":["DIGITAL_SKILLS"],"goals":[],"languages":["lv"],\
            "shared":{"categories":[],"consentIds":[]},\
            "version":0,"createdAt":"2026-11-20T09:15:00Z","updatedAt":"2026-11-20T09:15:00Z"}""";


    static final String CONSENT_REQUEST = """
            {"recipientOrganisationId":"9c8b7a6f-5e4d-4c3b-8a1f-0e9d8c7b6a5f",\
            "enrolmentId":"6f1d0c2e-3b7a-4f43-9a53-2d8c1e0b7a11","categories":["AGE","TARGET_GROUPS","CRIMINAL_RECORD"],\
            "givenOn":"2026-11-20"}""";

    static final String CONSENT = """
            {"id":"7e6d5c4b-3a2f-4e1d-8c9b-0a1f2e3d4c5b","personId":"0b5e7c9a-1d2f-4e3a-8b6c-7d8e9f0a1b2c",\
            "recipient":{"id":"9c8b7a6f-5e4d-4c3b-8a1f-0e9d8c7b6a5f","code":"DISU-SIGULDA","name":"Sigulda social enterprise"},\
            "purpose":{"enrolmentId":"6f1d0c2e-3b7a-4f43-9a53-2d8c1e0b7a11",\
            "measure":{"id":"4d3c2b1a-0f9e-4d8c-9b7a-6f5e4d3c2b1a","code":"DISU-SIG-DIGI","title":"Digital skills for a first job"}},\
            "categories":["AGE","TARGET_GROUPS","CRIMINAL_RECORD"],"givenOn":"2026-11-20","recordedBy":"caseworker-anna",\
            "status":"ACTIVE","endedAt":null,"withdrawnBy":null,\
            "version":0,"createdAt":"2026-11-20T09:20:00Z","updatedAt":"2026-11-20T09:20:00Z"}""";

    static final String WITHDRAWN_CONSENT = """
            {"id":"7e6d5c4b-3a2f-4e1d-8c9b-0a1f2e3d4c5b","personId":"0b5e7c9a-1d2f-4e3a-8b6c-7d8e9f0a1b2c",\
            "recipient":{"id":"9c8b7a6f-5e4d-4c3b-8a1f-0e9d8c7b6a5f","code":"DISU-SIGULDA","name":"Sigulda social enterprise"},\
            "purpose":{"enrolmentId":"6f1d0c2e-3b7a-4f43-9a53-2d8c1e0b7a11",\
            "measure":{"id":"4d3c2b1a-0f9e-4d8c-9b7a-6f5e4d3c2b1a","code":"DISU-SIG-DIGI","title":"Digital skills for a first job"}},\
            "categories":["AGE","TARGET_GROUPS","CRIMINAL_RECORD"],"givenOn":"2026-11-20","recordedBy":"caseworker-anna",\
            "status":"WITHDRAWN","endedAt":"2026-12-02T14:05:00Z","withdrawnBy":"caseworker-anna",\
            "version":1,"createdAt":"2026-11-20T09:20:00Z","updatedAt":"2026-12-02T14:05:00Z"}""";


    private ReferralExamples() {
    }
}
