// Generated from spec/minimo.yaml by packages/client/scripts/generate.ts. Do not edit by hand:
// change the spec and run `npm run generate`.

/** The spec document (spec/minimo.yaml) as a plain object, for validators and route tables. */
export const spec: Record<string, any> = {
  "openapi": "3.1.0",
  "info": {
    "title": "Minimo public API",
    "version": "1.0.0",
    "summary": "Contacts, custom fields, email and WhatsApp messaging for a Minimo company.",
    "description": "Reconstructed from the partly readable pages of docs.minimo.it. Two hosts exist: the current\nAPI (`https://api.minimo.it`, paths under `/public/v1`) and the legacy app host\n(`https://app.minimo.it`, paths under `/api`), modelled as a default server plus path-level\noverrides, as Minimo's own embedded OpenAPI does.\n\nEvery request carries `Authorization: Bearer mn-{CLIENT_ID}-{SECRET_KEY}`; the company is\nderived from the key. `x-minimo-permission` on each operation names the key permission it\nneeds: only `transactional` is documented by Minimo, the rest is our reading. Vocabulary:\n`contacts:read contacts:write custom_fields:read custom_fields:write transactional stats:read\nwhatsapp:read whatsapp:send templates:read`, and `*` for all.\n\nRate limiting: Minimo documents HTTP 429 with `error.code = rate_limit_exceeded` and tells\nclients to \"check the `X-RateLimit-*` headers\", but documents neither the header names nor\nthe limits. The headers are therefore declared optional on every response.\n\nPagination: list operations take the conventions page's `page` (default 1) and `limit`\n(default 25, max 100) and answer `page`, `limit`, `total`, `totalPages`, `hasNext` beside\n`data` (and `hasPrev`, our reading of the truncated list).\n\nPath variants: where Minimo's pages document one endpoint at two paths, both are operations\nof their own (`…App`, `…V1`, `…UpsertPath`), so every documented call is typed and every\nrequest gets a real operation label; the ones only older pages show are `deprecated`.\n\nWrong methods: a method a documented path does not serve answers 405 Method Not Allowed with\nan `Allow` header and the envelope `{\"error\": {\"code\": \"method_not_allowed\", …}}` (our reading;\nMinimo documents no such case). Unknown paths answer 404 `not_found`.\n",
    "license": {
      "name": "Proprietary — Minimo terms of service",
      "url": "https://www.minimo.it"
    }
  },
  "servers": [
    {
      "url": "https://api.minimo.it",
      "description": "Current API (paths under /public/v1)"
    }
  ],
  "security": [
    {
      "bearerAuth": []
    }
  ],
  "tags": [
    {
      "name": "Contacts",
      "description": "Create, read, update and soft-delete contacts of the company that owns the key."
    },
    {
      "name": "Custom fields",
      "description": "Company-defined contact attributes (`customFields` on contacts)."
    },
    {
      "name": "Email",
      "description": "One-shot HTML emails, dashboard email templates and their statistics."
    },
    {
      "name": "WhatsApp",
      "description": "Meta-approved WhatsApp templates and template sends."
    },
    {
      "name": "Legacy",
      "description": "Endpoints on `https://app.minimo.it/api` that the current API supersedes. Three were removed\non 2026-06-01 (`x-minimo-sunset`) and answer 410 Gone since; two are superseded but not\nannounced for removal.\n"
    }
  ],
  "paths": {
    "/public/v1/contacts": {
      "post": {
        "operationId": "upsertContact",
        "tags": [
          "Contacts"
        ],
        "summary": "Create or update a contact (upsert)",
        "description": "Matches an existing contact of the company by `email`, else by `phone`, else creates one.\n`customFields` are deep-merged (only the keys sent change); `marketingConsent` sets opt-in\n(true) or opt-out (false) per channel. Changing a contact's email here only avoids a\nduplicate when `phone` also matches: use updateContact for that.\n\nReadings chosen: the path is `/public/v1/contacts` (the API reference page); the\nAI-prompt guide's `/public/v1/contacts/upsert` is upsertContactUpsertPath. The documented response is a **bare\narray** `[{\"contactId\": \"…\"}]`, not a `{data}` envelope — kept as documented. Minimo does\nnot show the success status; we read 200. Which fields are required is not visible in the\ndocs (at least one of `email`/`phone` is needed in practice), so none is marked required.\n",
        "x-minimo-permission": "contacts:write",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ContactInput"
              },
              "example": {
                "email": "ada@example.com",
                "firstName": "Ada",
                "lastName": "Lovelace",
                "phone": "+393471234567",
                "customFields": {
                  "COMPANY_SIZE": "50"
                },
                "marketingConsent": {
                  "email": true,
                  "whatsapp": false
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Contact created or updated.",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UpsertContactResult"
                },
                "example": [
                  {
                    "contactId": "42"
                  }
                ]
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableEntity"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/public/v1/contacts/upsert": {
      "post": {
        "operationId": "upsertContactUpsertPath",
        "tags": [
          "Contacts"
        ],
        "summary": "Create or update a contact (the guide's upsert path)",
        "description": "upsertContact at the path the contact-sync guide lists (\"`POST /public/v1/contacts/upsert`\").\nSame body, behaviour and bare-array answer as upsertContact (`POST /public/v1/contacts`,\nthe API reference page's path, which clients should prefer).\n",
        "x-minimo-permission": "contacts:write",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ContactInput"
              },
              "example": {
                "email": "ada@example.com",
                "firstName": "Ada",
                "lastName": "Lovelace",
                "phone": "+393471234567",
                "customFields": {
                  "COMPANY_SIZE": "50"
                },
                "marketingConsent": {
                  "email": true,
                  "whatsapp": false
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Contact created or updated.",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UpsertContactResult"
                },
                "example": [
                  {
                    "contactId": "42"
                  }
                ]
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableEntity"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/public/v1/contacts/by-email/{email}": {
      "get": {
        "operationId": "getContactByEmail",
        "tags": [
          "Contacts"
        ],
        "summary": "Get a contact by email address",
        "description": "Returns the contact of the company with this email. Soft-deleted contacts answer 404.\nOn the wire the address is percent-encoded in the path (the page's sample builds the URL\nwith `encodeURIComponent`); a typed client (openapi-fetch, @minimo/client) does that\nitself, so pass it the raw address — encoding it first makes the client encode it twice\n(`%40` becomes `%2540`) and the request answers 400.\n\nReadings chosen: the prose shows the contact inside a `{data}` envelope while the\nplayground schema shows it bare — the prose wins. Response fields are snake_case\n(`custom_fields`, `external_id`) as documented, unlike the camelCase request bodies.\n",
        "x-minimo-permission": "contacts:read",
        "parameters": [
          {
            "name": "email",
            "in": "path",
            "required": true,
            "description": "The contact's email address, raw (`ada+news@example.com`): clients percent-encode path\nparameters themselves. Only a hand-built URL encodes it (`encodeURIComponent`).\n",
            "schema": {
              "type": "string",
              "format": "email"
            },
            "example": "ada@example.com"
          }
        ],
        "responses": {
          "200": {
            "description": "The contact.",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ContactResponse"
                },
                "example": {
                  "data": {
                    "id": 42,
                    "email": "ada@example.com",
                    "phone": "+393471234567",
                    "status": "active",
                    "source": "API",
                    "custom_fields": {
                      "COMPANY_SIZE": "50"
                    },
                    "company": 7,
                    "deleted": false,
                    "external_id": null,
                    "external_connection_id": null
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/public/v1/contacts/{id}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ContactId"
        }
      ],
      "put": {
        "operationId": "updateContact",
        "tags": [
          "Contacts"
        ],
        "summary": "Update a contact by id",
        "description": "Partial update by id: only the fields sent change, `customFields` are deep-merged, an\nomitted `marketingConsent` channel is left unchanged. Restores a soft-deleted contact.\nNever creates: an unknown id answers 404. Field-change automations fire as for upsert.\nOur reading: an email already used by another contact answers 409 `duplicate_resource`.\n\nReadings chosen: the method is PUT although the semantics are PATCH-like (as documented).\nContact ids are **integers** (every contact endpoint uses 42/123; the `cnt_abc123` of the\nconventions page is illustrative only). The documented 200 body (`{id, phone}`) is clearly\npartial, so the response schema is tolerant.\n",
        "x-minimo-permission": "contacts:write",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ContactUpdate"
              },
              "example": {
                "email": "ada.lovelace@example.com",
                "marketingConsent": {
                  "whatsapp": true
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The contact was updated.",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UpdatedContact"
                },
                "example": {
                  "id": 123,
                  "phone": "+393471234567"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableEntity"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "delete": {
        "operationId": "deleteContact",
        "tags": [
          "Contacts"
        ],
        "summary": "Soft-delete a contact",
        "description": "Soft delete: the contact disappears from getContactByEmail (404) and is restored by\nupsertContact or updateContact.\n\nReadings chosen: Minimo does not show the success status or body; we read 204 No Content.\nClients should treat any 2xx as success.\n",
        "x-minimo-permission": "contacts:write",
        "responses": {
          "204": {
            "description": "The contact was soft-deleted.",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/public/v1/custom-fields": {
      "get": {
        "operationId": "listCustomFields",
        "tags": [
          "Custom fields"
        ],
        "summary": "List custom fields",
        "description": "Lists the company's custom fields, flat or grouped by category (`groupBy=category`;\nfields without a category go to the group `uncategorized`). Any other `groupBy` value\nanswers 400 `invalid_group_by`.\n\nReadings chosen: the path is `/public/v1/custom-fields`; the intermediate doc version's\n`/v1/custom-fields` is listCustomFieldsV1 (deprecated). The field label is `displayName`\nin answers. The grouped form is inside `{data}` as on the reference page (the guide\nshows it bare).\n",
        "x-minimo-permission": "custom_fields:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/Page"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "name": "groupBy",
            "in": "query",
            "required": false,
            "description": "Group the fields by category. Only `category` is accepted.",
            "schema": {
              "type": "string",
              "enum": [
                "category"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The custom fields, flat (`data` is an array) or grouped (`data.groups`).",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CustomFieldList"
                },
                "examples": {
                  "flat": {
                    "summary": "Without groupBy",
                    "value": {
                      "data": [
                        {
                          "id": 1,
                          "key": "COMPANY_SIZE",
                          "displayName": "Company size",
                          "type": "number",
                          "category": "Company Info",
                          "visibility": true,
                          "source": "Manual"
                        }
                      ]
                    }
                  },
                  "grouped": {
                    "summary": "With groupBy=category",
                    "value": {
                      "data": {
                        "groups": [
                          {
                            "category": "Company Info",
                            "fields": [
                              {
                                "id": 1,
                                "key": "COMPANY_SIZE",
                                "displayName": "Company size",
                                "type": "number",
                                "category": "Company Info",
                                "visibility": true,
                                "source": "Manual"
                              }
                            ]
                          }
                        ],
                        "total": 1
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "post": {
        "operationId": "createCustomField",
        "tags": [
          "Custom fields"
        ],
        "summary": "Create a custom field",
        "description": "Creates a custom field. `key` is upper-cased by Minimo (SNAKE_CASE recommended). A key\nthat already exists answers 409; missing `key`/`displayName`/`type` answers 422\n`validation_error`.\n\nReadings chosen: `displayName` (newer pages) and `display_name` (older pages) are both\naccepted, one of them is needed; path `/public/v1/custom-fields` (the older\n`/v1/custom-fields` is createCustomFieldV1). The success status is not shown; we\nread 201 (conventions page). The property holding select values is cut off in the docs;\nwe read `options`. A second property is cut off after \"Addi…\", so unknown properties\nare accepted on this body.\n",
        "x-minimo-permission": "custom_fields:write",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CustomFieldInput"
              },
              "example": {
                "key": "COMPANY_SIZE",
                "displayName": "Company size",
                "type": "number",
                "category": "Company Info"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The custom field was created.",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CustomFieldResponse"
                },
                "example": {
                  "data": {
                    "id": 1,
                    "key": "COMPANY_SIZE",
                    "displayName": "Company size",
                    "type": "number",
                    "category": "Company Info",
                    "visibility": true,
                    "source": "Manual"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableEntity"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/v1/custom-fields": {
      "get": {
        "operationId": "listCustomFieldsV1",
        "tags": [
          "Custom fields"
        ],
        "summary": "List custom fields (older /v1 path)",
        "description": "listCustomFields at the path an older version of the custom-fields pages gives\n(`https://api.minimo.it/v1/custom-fields`). Same behaviour; deprecated in favour of\n`/public/v1/custom-fields`, which the newer pages use.\n",
        "deprecated": true,
        "x-minimo-permission": "custom_fields:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/Page"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "name": "groupBy",
            "in": "query",
            "required": false,
            "description": "Group the fields by category. Only `category` is accepted.",
            "schema": {
              "type": "string",
              "enum": [
                "category"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The custom fields, flat (`data` is an array) or grouped (`data.groups`).",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CustomFieldList"
                },
                "examples": {
                  "flat": {
                    "summary": "Without groupBy",
                    "value": {
                      "data": [
                        {
                          "id": 1,
                          "key": "COMPANY_SIZE",
                          "displayName": "Company size",
                          "type": "number",
                          "category": "Company Info",
                          "visibility": true,
                          "source": "Manual"
                        }
                      ]
                    }
                  },
                  "grouped": {
                    "summary": "With groupBy=category",
                    "value": {
                      "data": {
                        "groups": [
                          {
                            "category": "Company Info",
                            "fields": [
                              {
                                "id": 1,
                                "key": "COMPANY_SIZE",
                                "displayName": "Company size",
                                "type": "number",
                                "category": "Company Info",
                                "visibility": true,
                                "source": "Manual"
                              }
                            ]
                          }
                        ],
                        "total": 1
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "post": {
        "operationId": "createCustomFieldV1",
        "tags": [
          "Custom fields"
        ],
        "summary": "Create a custom field (older /v1 path)",
        "description": "createCustomField at the path of the older custom-fields create page, whose cURL sample\nposts `{\"key\": …, \"display_name\": \"Company Size\", \"type\": …}` to\n`https://api.minimo.it/v1/custom-fields`. Same behaviour; deprecated in favour of\n`/public/v1/custom-fields`.\n",
        "deprecated": true,
        "x-minimo-permission": "custom_fields:write",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CustomFieldInput"
              },
              "example": {
                "key": "COMPANY_SIZE",
                "displayName": "Company size",
                "type": "number",
                "category": "Company Info"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The custom field was created.",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CustomFieldResponse"
                },
                "example": {
                  "data": {
                    "id": 1,
                    "key": "COMPANY_SIZE",
                    "displayName": "Company size",
                    "type": "number",
                    "category": "Company Info",
                    "visibility": true,
                    "source": "Manual"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableEntity"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/public/v1/emails": {
      "post": {
        "operationId": "sendEmail",
        "tags": [
          "Email"
        ],
        "summary": "Send a one-shot HTML email",
        "description": "Sends one HTML email through the company's configured provider (SMTP or SES). Minimo\nrewrites links for click tracking, appends an open pixel and fills `{{UNSUBSCRIBE_URL}}`,\n`{{PREFERENCES_URL}}`. Once authenticated it always answers 200: a provider failure shows\nas `data.status = failed` with `failureReason`, not as an HTTP error. Needs the key\npermission `TRANSACTIONAL` (the only permission Minimo names).\n\nThe page's 400 is its own flat form, kept: `{\"error\": \"to must be an email\"}` (\"Invalid\nor missing required field\"). Its error table leaves the 401 and 403 bodies blank; the\nauthentication page gives every 401 and 403 its envelope, so those are the documented\nbodies here too (`unauthorized`, `forbidden`). Only `to` is documented as required;\n`text` is the recommended plain-text fallback.\n",
        "x-minimo-permission": "transactional",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/OneShotEmailInput"
              },
              "example": {
                "to": "ada@example.com",
                "subject": "Your invoice",
                "html": "<html><body><p>Hello Ada</p></body></html>",
                "text": "Hello Ada"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Accepted; check `data.status`.",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/OneShotEmailResponse"
                },
                "example": {
                  "data": {
                    "id": "DMPNEF8",
                    "status": "sent",
                    "messageId": "0100019c8b3d4a4f-example",
                    "statsUrl": "/public/v1/emails/DMPNEF8/stats"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/SendEmailBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/public/v1/emails/{id}/stats": {
      "get": {
        "operationId": "getEmailStats",
        "tags": [
          "Email"
        ],
        "summary": "Get the statistics of a one-shot email",
        "description": "Delivery, open and click statistics of one email sent with sendEmail. Company-scoped:\nanother company's id answers 404. `sentAt` is the queue-in time; opens are inflated by\nimage proxies (Gmail, Apple MPP).\n\nReadings chosen: the id is the opaque **string** (sqid) returned by sendEmail, unlike the\ninteger ids elsewhere.\n",
        "x-minimo-permission": "stats:read",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The email id returned by sendEmail (opaque sqid string).",
            "schema": {
              "type": "string",
              "minLength": 1
            },
            "example": "DMPNEF8"
          }
        ],
        "responses": {
          "200": {
            "description": "The email's statistics.",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EmailStatsResponse"
                },
                "example": {
                  "data": {
                    "id": "DMPNEF8",
                    "status": "sent",
                    "to": "ada@example.com",
                    "subject": "Your invoice",
                    "sentAt": "2026-06-11T09:50:39.760Z",
                    "opened": true,
                    "firstOpenAt": "2026-06-11T10:02:11.000Z",
                    "clickCount": 2,
                    "firstClickAt": "2026-06-11T10:03:45.000Z",
                    "failureReason": null
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/public/v1/transactionals/{id}/stats": {
      "get": {
        "operationId": "getTransactionalStats",
        "tags": [
          "Email"
        ],
        "summary": "Get the statistics of an email template",
        "description": "Totals for one dashboard email template (transactional): messages sent, open and click\nrates. Rates are percentage **strings** such as `\"85%\"` — parse them.\n\nReadings chosen: this is the newer page's path on the API host (the older page's\n`/api/templates/email/{id}/stats` is getEmailTemplateStatsLegacy); the 4-field shape\ninside `{data}` is kept and the older richer `metrics`/`rates` example dropped, as the\nnewer page did. The id is an integer (the page's schema) or a `tmpl_…` string (the\npage's own use-case code calls `getTemplateStats('tmpl_variant_a')`).\n",
        "x-minimo-permission": "stats:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/TransactionalId"
          }
        ],
        "responses": {
          "200": {
            "description": "The template's statistics.",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TransactionalStatsResponse"
                },
                "example": {
                  "data": {
                    "created": "2026-06-11T09:50:39.760Z",
                    "openRate": "85%",
                    "clickRate": "12%",
                    "totalMessagesSent": 1500
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/public/v1/templates/whatsapp": {
      "get": {
        "operationId": "listWhatsappTemplates",
        "tags": [
          "WhatsApp"
        ],
        "summary": "List WhatsApp templates",
        "description": "Lists the company's WhatsApp templates (needs a connected WhatsApp Business Account).\nOnly `APPROVED` templates can be sent.\n\nReadings chosen: the path is `/public/v1/templates/whatsapp` on the API host (conventions\npage, newest version); the list page's own `app.minimo.it/api/templates/whatsapp` is\nlistWhatsappTemplatesApp. The prose (camelCase) and playground\n(snake_case) field names disagree; both are declared optional and extra fields are\nallowed.\n",
        "x-minimo-permission": "whatsapp:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/Page"
          },
          {
            "$ref": "#/components/parameters/Limit"
          }
        ],
        "responses": {
          "200": {
            "description": "The templates.",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WhatsappTemplateList"
                },
                "example": {
                  "data": [
                    {
                      "id": "tmpl_82jh2asjda",
                      "name": "order_shipped",
                      "language": "en_US",
                      "status": "APPROVED",
                      "category": "UTILITY",
                      "namespace": "4a1b_example",
                      "createdAt": "2025-11-13T10:30:00Z",
                      "updatedAt": "2025-11-13T10:30:00Z",
                      "qualityScore": {
                        "score": "GREEN",
                        "reasons": null
                      },
                      "components": [
                        {
                          "type": "BODY",
                          "text": "Hi {{1}}, your order {{2}} has shipped.",
                          "example": {
                            "bodyText": [
                              [
                                "Ada",
                                "1042"
                              ]
                            ]
                          }
                        }
                      ]
                    }
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/public/v1/templates/whatsapp/send": {
      "post": {
        "operationId": "sendWhatsappTemplate",
        "tags": [
          "WhatsApp"
        ],
        "summary": "Send a WhatsApp template message",
        "description": "Sends an `APPROVED` template to one phone number; `parameters` fill the `{{1}}`, `{{2}}`…\nplaceholders in order. A template not approved by Meta answers 422\n`template_not_approved`, a bad number 422 `invalid_phone_number`.\n\nReadings chosen: the path is `/public/v1/templates/whatsapp/send` on the API host (Minimo's\nown status prober uses it in production); the send page's own\n`app.minimo.it/api/templates/whatsapp/send` is sendWhatsappTemplateApp. A header\ncomponent's parameter may be text, image, document or video (\"Header (Optional) – Text,\nimage, document, or video\"), in Meta's shape (`{\"type\": \"image\", \"image\": {\"link\": …}}`).\n`template.languageCode` is read from the\nprober (not visible in the docs). The phone is E.164; the `+` is optional because the\ndocs' own sample omits it. The response is tolerant: the page shows `{status}`, the\nprober reads a `success` boolean top-level or under `data`, with HTTP 200 or 201. A\nnumber that is not E.164 answers 422 `invalid_phone_number` (conventions).\n",
        "x-minimo-permission": "whatsapp:send",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/WhatsappSendInput"
              },
              "example": {
                "recipient": "+393471234567",
                "type": "template",
                "template": {
                  "name": "order_shipped",
                  "languageCode": "en_US",
                  "components": [
                    {
                      "type": "BODY",
                      "parameters": [
                        {
                          "type": "text",
                          "text": "Ada"
                        },
                        {
                          "type": "text",
                          "text": "1042"
                        }
                      ]
                    }
                  ]
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The message was accepted.",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WhatsappSendResult"
                },
                "example": {
                  "success": true
                }
              }
            }
          },
          "201": {
            "description": "The message was accepted (seen in production instead of 200).",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WhatsappSendResult"
                },
                "example": {
                  "data": {
                    "success": true
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableEntity"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/templates/whatsapp": {
      "servers": [
        {
          "url": "https://app.minimo.it",
          "description": "Legacy app host (paths under /api)"
        }
      ],
      "get": {
        "operationId": "listWhatsappTemplatesApp",
        "tags": [
          "WhatsApp"
        ],
        "summary": "List WhatsApp templates (app host path)",
        "description": "listWhatsappTemplates at the path the WhatsApp list page and the migration guide give:\n`GET https://app.minimo.it/api/templates/whatsapp` (\"`/api/transactionals/whatsapp/templates`\n→ `/api/templates/whatsapp`\"). Same behaviour and shapes as listWhatsappTemplates; not\ndeprecated, since the migration guide names it as the replacement.\n",
        "x-minimo-permission": "whatsapp:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/Page"
          },
          {
            "$ref": "#/components/parameters/Limit"
          }
        ],
        "responses": {
          "200": {
            "description": "The templates.",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WhatsappTemplateList"
                },
                "example": {
                  "data": [
                    {
                      "id": "tmpl_82jh2asjda",
                      "name": "order_shipped",
                      "language": "en_US",
                      "status": "APPROVED",
                      "category": "UTILITY",
                      "namespace": "4a1b_example",
                      "createdAt": "2025-11-13T10:30:00Z",
                      "updatedAt": "2025-11-13T10:30:00Z",
                      "qualityScore": {
                        "score": "GREEN",
                        "reasons": null
                      },
                      "components": [
                        {
                          "type": "BODY",
                          "text": "Hi {{1}}, your order {{2}} has shipped.",
                          "example": {
                            "bodyText": [
                              [
                                "Ada",
                                "1042"
                              ]
                            ]
                          }
                        }
                      ]
                    }
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/templates/whatsapp/send": {
      "servers": [
        {
          "url": "https://app.minimo.it",
          "description": "Legacy app host (paths under /api)"
        }
      ],
      "post": {
        "operationId": "sendWhatsappTemplateApp",
        "tags": [
          "WhatsApp"
        ],
        "summary": "Send a WhatsApp template message (app host path)",
        "description": "sendWhatsappTemplate at the path the WhatsApp send page and the migration guide give:\n`POST https://app.minimo.it/api/templates/whatsapp/send` (\"`/api/transactionals/whatsapp/send`\n→ `/api/templates/whatsapp/send`\"). Same body, behaviour and answers as\nsendWhatsappTemplate; not deprecated, since the migration guide names it as the replacement.\n",
        "x-minimo-permission": "whatsapp:send",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/WhatsappSendInput"
              },
              "example": {
                "recipient": "+393471234567",
                "type": "template",
                "template": {
                  "name": "order_shipped",
                  "languageCode": "en_US",
                  "components": [
                    {
                      "type": "BODY",
                      "parameters": [
                        {
                          "type": "text",
                          "text": "Ada"
                        },
                        {
                          "type": "text",
                          "text": "1042"
                        }
                      ]
                    }
                  ]
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The message was accepted.",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WhatsappSendResult"
                },
                "example": {
                  "success": true
                }
              }
            }
          },
          "201": {
            "description": "The message was accepted (seen in production instead of 200).",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WhatsappSendResult"
                },
                "example": {
                  "data": {
                    "success": true
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableEntity"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/templates/email": {
      "servers": [
        {
          "url": "https://app.minimo.it",
          "description": "Legacy app host (paths under /api)"
        }
      ],
      "get": {
        "operationId": "listEmailTemplates",
        "tags": [
          "Email"
        ],
        "summary": "List email templates",
        "description": "Lists the dashboard email templates (\"List All Transactionals\"). Only `active`\ntemplates can be sent.\n\nReadings chosen: still on the legacy app host, as every page says. The playground schema\n(`id` integer, `name`, `created`, `updated`) is the base; the prose's richer fields\n(`subject`, `status`, `category`, `variables`, camelCase timestamps) are optional. Ids are\nintegers per the schema, but `tmpl_…` strings (prose, migration guide) are accepted too.\n",
        "x-minimo-permission": "templates:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/Page"
          },
          {
            "$ref": "#/components/parameters/Limit"
          }
        ],
        "responses": {
          "200": {
            "description": "The email templates.",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EmailTemplateList"
                },
                "example": {
                  "data": [
                    {
                      "id": 123,
                      "name": "Order confirmation",
                      "created": "2025-11-13T10:30:00Z",
                      "updated": "2025-11-13T10:30:00Z"
                    }
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/templates/email/send": {
      "servers": [
        {
          "url": "https://app.minimo.it",
          "description": "Legacy app host (paths under /api)"
        }
      ],
      "post": {
        "operationId": "sendEmailTemplate",
        "tags": [
          "Email"
        ],
        "summary": "Send a dashboard email template",
        "description": "Sends an `active` dashboard email template to one recipient; `customFields` fill the\ntemplate's `{{variableName}}` placeholders. Server-side only (client-side calls are\nblocked). Needs the `TRANSACTIONAL` permission. Documented error codes:\n`template_not_found` (404), `invalid_recipient` (422, a recipient that is not an email),\n`missing_custom_field` (422), `sender_not_verified` (422), `rate_limit_exceeded`. A\ntemplate that is not `active` (\"Only active templates can be sent\") answers 422\n`validation_error`: the docs name no code for it. The statuses are our reading.\n\nReadings chosen: the page's header (`/api/templates/email/send` with `templateId`) wins\nover its stale generated sample (`/api/transactionals` with `uid`, which is\nsendTransactionalLegacy). `templateId` is a string (`tmpl_abc123`); an integer id is\naccepted too since the template list uses integers.\n",
        "x-minimo-permission": "transactional",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SendEmailTemplateInput"
              },
              "example": {
                "templateId": "tmpl_abc123",
                "recipient": "ada@example.com",
                "customFields": {
                  "firstName": "Ada"
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The email was accepted.",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LegacyStatus"
                },
                "example": {
                  "status": 200
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableEntity"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/contacts": {
      "servers": [
        {
          "url": "https://app.minimo.it",
          "description": "Legacy app host (paths under /api)"
        }
      ],
      "post": {
        "operationId": "upsertContactLegacy",
        "tags": [
          "Legacy"
        ],
        "summary": "Create or update a contact by email (legacy)",
        "description": "Old upsert on the app host: matches by `email` only. Superseded by upsertContact\n(`POST /public/v1/contacts`); not listed on the deprecation timeline, so no sunset date.\nSame bare-array response as upsertContact.\n",
        "deprecated": true,
        "x-minimo-permission": "contacts:write",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ContactInput"
              },
              "example": {
                "email": "ada@example.com",
                "firstName": "Ada",
                "tags": [
                  "newsletter"
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Contact created or updated.",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UpsertContactResult"
                },
                "example": [
                  {
                    "contactId": "42"
                  }
                ]
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableEntity"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/templates/email/{id}/stats": {
      "servers": [
        {
          "url": "https://app.minimo.it",
          "description": "Legacy app host (paths under /api)"
        }
      ],
      "get": {
        "operationId": "getEmailTemplateStatsLegacy",
        "tags": [
          "Legacy"
        ],
        "summary": "Get the statistics of an email template (legacy)",
        "description": "Older path of getTransactionalStats on the app host. Superseded (the newer stats page\nmoved to `GET /public/v1/transactionals/{id}/stats`) but not announced for removal.\nReadings chosen: the older page's schema returns the four fields bare, without `{data}`.\n",
        "deprecated": true,
        "x-minimo-permission": "stats:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/TransactionalId"
          }
        ],
        "responses": {
          "200": {
            "description": "The template's statistics.",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TransactionalStats"
                },
                "example": {
                  "created": "2025-11-13T10:30:00Z",
                  "openRate": "85%",
                  "clickRate": "12%",
                  "totalMessagesSent": 1500
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/transactionals": {
      "servers": [
        {
          "url": "https://app.minimo.it",
          "description": "Legacy app host (paths under /api)"
        }
      ],
      "post": {
        "operationId": "sendTransactionalLegacy",
        "tags": [
          "Legacy"
        ],
        "summary": "Send an email template by uid (removed 2026-06-01)",
        "description": "Deprecated November 2025 and removed on 2026-06-01: since then it answers 410 Gone.\nReplaced by sendEmailTemplate (`uid` → `templateId`). Before removal it could take over\n30 s while the send completed server-side, so a client-side timeout did not mean failure\nand a blind retry risked a duplicate send.\n",
        "deprecated": true,
        "x-minimo-sunset": "2026-06-01",
        "x-minimo-permission": "transactional",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/LegacyTransactionalInput"
              },
              "example": {
                "uid": "welcome-email",
                "recipient": "ada@example.com",
                "customFields": {
                  "firstName": "Ada"
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The email was accepted (before the sunset).",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LegacyStatus"
                },
                "example": {
                  "status": 200,
                  "sent": true
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "410": {
            "$ref": "#/components/responses/Gone"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/transactionals/whatsapp/send": {
      "servers": [
        {
          "url": "https://app.minimo.it",
          "description": "Legacy app host (paths under /api)"
        }
      ],
      "post": {
        "operationId": "sendWhatsappLegacy",
        "tags": [
          "Legacy"
        ],
        "summary": "Send a WhatsApp template (removed 2026-06-01)",
        "description": "Deprecated November 2025 and removed on 2026-06-01: since then it answers 410 Gone.\nReplaced, per the migration guide, by `POST /api/templates/whatsapp/send`\n(sendWhatsappTemplateApp; sendWhatsappTemplate on the API host). No dedicated page exists;\nthe body is read as the same as its replacement's.\n",
        "deprecated": true,
        "x-minimo-sunset": "2026-06-01",
        "x-minimo-permission": "whatsapp:send",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/WhatsappSendInput"
              },
              "example": {
                "recipient": "+393471234567",
                "type": "template",
                "template": {
                  "name": "order_shipped",
                  "languageCode": "en_US"
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The message was accepted (before the sunset).",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LegacyStatus"
                },
                "example": {
                  "status": 200
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "410": {
            "$ref": "#/components/responses/Gone"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableEntity"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/transactionals/whatsapp/templates": {
      "servers": [
        {
          "url": "https://app.minimo.it",
          "description": "Legacy app host (paths under /api)"
        }
      ],
      "get": {
        "operationId": "listWhatsappTemplatesLegacy",
        "tags": [
          "Legacy"
        ],
        "summary": "List WhatsApp templates (removed 2026-06-01)",
        "description": "Deprecated November 2025 and removed on 2026-06-01: since then it answers 410 Gone.\nReplaced, per the migration guide, by `GET /api/templates/whatsapp`\n(listWhatsappTemplatesApp; listWhatsappTemplates on the API host). No dedicated page\nexists; the response is read as the same as its replacement's.\n",
        "deprecated": true,
        "x-minimo-sunset": "2026-06-01",
        "x-minimo-permission": "whatsapp:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/Page"
          },
          {
            "$ref": "#/components/parameters/Limit"
          }
        ],
        "responses": {
          "200": {
            "description": "The templates (before the sunset).",
            "headers": {
              "X-RateLimit-Limit": {
                "$ref": "#/components/headers/X-RateLimit-Limit"
              },
              "X-RateLimit-Remaining": {
                "$ref": "#/components/headers/X-RateLimit-Remaining"
              },
              "X-RateLimit-Reset": {
                "$ref": "#/components/headers/X-RateLimit-Reset"
              },
              "Retry-After": {
                "$ref": "#/components/headers/Retry-After"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WhatsappTemplateList"
                },
                "example": {
                  "data": [
                    {
                      "id": "tmpl_82jh2asjda",
                      "name": "order_shipped",
                      "status": "APPROVED"
                    }
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "410": {
            "$ref": "#/components/responses/Gone"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "mn-{CLIENT_ID}-{SECRET_KEY}",
        "description": "`Authorization: Bearer mn-{CLIENT_ID}-{SECRET_KEY}`. `mn-` marks a Minimo key,\n`CLIENT_ID` identifies the Minimo account (not secret) and `SECRET_KEY` is the secret.\nKeys are created in the dashboard with a name, a set of permissions and an expiration\ndate; revoked keys stop working immediately. A missing, malformed, expired or revoked key\nanswers 401; a key lacking the operation's `x-minimo-permission` answers 403.\n"
      }
    },
    "parameters": {
      "ContactId": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "Contact id (an integer; `cnt_…` strings in the conventions page are illustrative only),\nin decimal digits. Our bound: at most 2^53 − 1, the largest id a JSON number carries\nexactly; anything else (`1e3`, a fraction, a larger number) answers 400 `bad_request`.\n",
        "schema": {
          "type": "integer",
          "format": "int64",
          "minimum": 1,
          "maximum": 9007199254740991
        },
        "example": 42
      },
      "TransactionalId": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "Id of the email template (transactional message): an integer (the page's schema) or a\n`tmpl_…` string (the page's own use-case code, the migration guide).\n",
        "schema": {
          "type": [
            "integer",
            "string"
          ],
          "minimum": 1,
          "pattern": "^([1-9][0-9]*|tmpl_[A-Za-z0-9_]+)$"
        },
        "example": 123
      },
      "Page": {
        "name": "page",
        "in": "query",
        "required": false,
        "description": "Page number (conventions page), from 1, in decimal digits. Default 1. Our bound: at most\n2147483647 (the docs give none); a value out of range or not a whole decimal number\n(`1e309`, `Infinity`, `1.5`, `0x10`) answers 400 `bad_request` naming `page`.\n",
        "schema": {
          "type": "integer",
          "format": "int32",
          "minimum": 1,
          "maximum": 2147483647,
          "default": 1
        }
      },
      "Limit": {
        "name": "limit",
        "in": "query",
        "required": false,
        "description": "Items per page (conventions page), in decimal digits. Default 25, at most 100; anything\nelse answers 400 `bad_request` naming `limit`.\n",
        "schema": {
          "type": "integer",
          "format": "int32",
          "minimum": 1,
          "maximum": 100,
          "default": 25
        }
      }
    },
    "headers": {
      "X-RateLimit-Limit": {
        "description": "Requests allowed in the current rate-limit window. Not documented by Minimo (its docs only\nsay \"check the `X-RateLimit-*` headers\"): optional, may be absent.\n",
        "required": false,
        "schema": {
          "type": "integer",
          "minimum": 0
        },
        "example": 100
      },
      "X-RateLimit-Remaining": {
        "description": "Requests left in the current rate-limit window. Not documented by Minimo: optional, may be\nabsent.\n",
        "required": false,
        "schema": {
          "type": "integer",
          "minimum": 0
        },
        "example": 42
      },
      "X-RateLimit-Reset": {
        "description": "When the current window resets. Our reading: Unix epoch seconds (as GitHub sends). Minimo\ndoes not document the header or its encoding, so clients should also accept delta-seconds\n(seconds until reset; a value below ~10^9 is a delta). Optional, may be absent.\n",
        "required": false,
        "schema": {
          "type": "integer",
          "minimum": 0
        },
        "example": 1795795200
      },
      "Retry-After": {
        "description": "Seconds to wait before retrying (integer delta-seconds), sent with 429 and 503; the 429\nbody repeats it as `error.retry_after`. Not documented by Minimo as a header: optional,\nmay be absent.\n",
        "required": false,
        "schema": {
          "type": "integer",
          "minimum": 0
        },
        "example": 60
      }
    },
    "responses": {
      "BadRequest": {
        "description": "Malformed request or parameters (`bad_request`, `invalid_group_by`): bad JSON, an\nunsupported `Content-Encoding` or charset, a body over 1 MB, a bad query or path value\n(conventions: \"400 | Bad Request | Invalid request format or parameters\", on any endpoint).\n",
        "headers": {
          "X-RateLimit-Limit": {
            "$ref": "#/components/headers/X-RateLimit-Limit"
          },
          "X-RateLimit-Remaining": {
            "$ref": "#/components/headers/X-RateLimit-Remaining"
          },
          "X-RateLimit-Reset": {
            "$ref": "#/components/headers/X-RateLimit-Reset"
          },
          "Retry-After": {
            "$ref": "#/components/headers/Retry-After"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "examples": {
              "badRequest": {
                "summary": "Envelope (getContactByEmail)",
                "value": {
                  "error": {
                    "code": "bad_request",
                    "message": "Invalid email format"
                  }
                }
              },
              "invalidGroupBy": {
                "summary": "Envelope (listCustomFields)",
                "value": {
                  "error": {
                    "code": "invalid_group_by",
                    "message": "groupBy must be 'category'"
                  }
                }
              }
            }
          }
        }
      },
      "SendEmailBadRequest": {
        "description": "The send-html page's own 400: a flat string, \"Invalid or missing required field\", e.g.\n`{\"error\": \"to must be an email\"}`.\n",
        "headers": {
          "X-RateLimit-Limit": {
            "$ref": "#/components/headers/X-RateLimit-Limit"
          },
          "X-RateLimit-Remaining": {
            "$ref": "#/components/headers/X-RateLimit-Remaining"
          },
          "X-RateLimit-Reset": {
            "$ref": "#/components/headers/X-RateLimit-Reset"
          },
          "Retry-After": {
            "$ref": "#/components/headers/Retry-After"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/FlatError"
            },
            "example": {
              "error": "to must be an email"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "Missing, malformed, expired or revoked API key.\n",
        "headers": {
          "X-RateLimit-Limit": {
            "$ref": "#/components/headers/X-RateLimit-Limit"
          },
          "X-RateLimit-Remaining": {
            "$ref": "#/components/headers/X-RateLimit-Remaining"
          },
          "X-RateLimit-Reset": {
            "$ref": "#/components/headers/X-RateLimit-Reset"
          },
          "Retry-After": {
            "$ref": "#/components/headers/Retry-After"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "example": {
              "error": {
                "code": "unauthorized",
                "message": "Invalid or missing API key"
              }
            }
          }
        }
      },
      "Forbidden": {
        "description": "The key lacks the permission the operation needs (`x-minimo-permission`).\n",
        "headers": {
          "X-RateLimit-Limit": {
            "$ref": "#/components/headers/X-RateLimit-Limit"
          },
          "X-RateLimit-Remaining": {
            "$ref": "#/components/headers/X-RateLimit-Remaining"
          },
          "X-RateLimit-Reset": {
            "$ref": "#/components/headers/X-RateLimit-Reset"
          },
          "Retry-After": {
            "$ref": "#/components/headers/Retry-After"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "example": {
              "error": {
                "code": "forbidden",
                "message": "This API key does not have permission to access this resource"
              }
            }
          }
        }
      },
      "NotFound": {
        "description": "No such resource in the key's company (also soft-deleted contacts, and other companies'\nids).\n",
        "headers": {
          "X-RateLimit-Limit": {
            "$ref": "#/components/headers/X-RateLimit-Limit"
          },
          "X-RateLimit-Remaining": {
            "$ref": "#/components/headers/X-RateLimit-Remaining"
          },
          "X-RateLimit-Reset": {
            "$ref": "#/components/headers/X-RateLimit-Reset"
          },
          "Retry-After": {
            "$ref": "#/components/headers/Retry-After"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "example": {
              "error": {
                "code": "not_found",
                "message": "Contact not found"
              }
            }
          }
        }
      },
      "Conflict": {
        "description": "The resource already exists (`duplicate_resource`, e.g. a custom-field key).",
        "headers": {
          "X-RateLimit-Limit": {
            "$ref": "#/components/headers/X-RateLimit-Limit"
          },
          "X-RateLimit-Remaining": {
            "$ref": "#/components/headers/X-RateLimit-Remaining"
          },
          "X-RateLimit-Reset": {
            "$ref": "#/components/headers/X-RateLimit-Reset"
          },
          "Retry-After": {
            "$ref": "#/components/headers/Retry-After"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "example": {
              "error": {
                "code": "duplicate_resource",
                "message": "A custom field with key COMPANY_SIZE already exists"
              }
            }
          }
        }
      },
      "Gone": {
        "description": "The endpoint was removed on 2026-06-01 (legacy sunset).",
        "headers": {
          "X-RateLimit-Limit": {
            "$ref": "#/components/headers/X-RateLimit-Limit"
          },
          "X-RateLimit-Remaining": {
            "$ref": "#/components/headers/X-RateLimit-Remaining"
          },
          "X-RateLimit-Reset": {
            "$ref": "#/components/headers/X-RateLimit-Reset"
          },
          "Retry-After": {
            "$ref": "#/components/headers/Retry-After"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "example": {
              "error": {
                "code": "gone",
                "message": "This endpoint was removed on 2026-06-01. See the migration guide."
              }
            }
          }
        }
      },
      "UnprocessableEntity": {
        "description": "Validation failed (`validation_error`, `invalid_phone_number`, `invalid_recipient`,\n`template_not_approved`, `missing_custom_field`, `sender_not_verified`); `details` may\nname the field.\n",
        "headers": {
          "X-RateLimit-Limit": {
            "$ref": "#/components/headers/X-RateLimit-Limit"
          },
          "X-RateLimit-Remaining": {
            "$ref": "#/components/headers/X-RateLimit-Remaining"
          },
          "X-RateLimit-Reset": {
            "$ref": "#/components/headers/X-RateLimit-Reset"
          },
          "Retry-After": {
            "$ref": "#/components/headers/Retry-After"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "example": {
              "error": {
                "code": "validation_error",
                "message": "Invalid email address",
                "details": {
                  "field": "email",
                  "value": "invalid-email"
                }
              }
            }
          }
        }
      },
      "TooManyRequests": {
        "description": "Rate limit exceeded. Wait `Retry-After` / `error.retry_after` seconds (the same number as\nin the message), then retry with exponential backoff.\n",
        "headers": {
          "X-RateLimit-Limit": {
            "$ref": "#/components/headers/X-RateLimit-Limit"
          },
          "X-RateLimit-Remaining": {
            "$ref": "#/components/headers/X-RateLimit-Remaining"
          },
          "X-RateLimit-Reset": {
            "$ref": "#/components/headers/X-RateLimit-Reset"
          },
          "Retry-After": {
            "$ref": "#/components/headers/Retry-After"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "example": {
              "error": {
                "code": "rate_limit_exceeded",
                "message": "Rate limit exceeded. Please retry after 60 seconds.",
                "retry_after": 60
              }
            }
          }
        }
      },
      "InternalServerError": {
        "description": "Server error (\"contact support\"). The error code is not documented; `internal_error` is\nour example.\n",
        "headers": {
          "X-RateLimit-Limit": {
            "$ref": "#/components/headers/X-RateLimit-Limit"
          },
          "X-RateLimit-Remaining": {
            "$ref": "#/components/headers/X-RateLimit-Remaining"
          },
          "X-RateLimit-Reset": {
            "$ref": "#/components/headers/X-RateLimit-Reset"
          },
          "Retry-After": {
            "$ref": "#/components/headers/Retry-After"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "example": {
              "error": {
                "code": "internal_error",
                "message": "Internal server error"
              }
            }
          }
        }
      },
      "ServiceUnavailable": {
        "description": "Temporary service disruption; retry after `Retry-After` seconds when sent. The error code\nis not documented; `service_unavailable` is our example.\n",
        "headers": {
          "X-RateLimit-Limit": {
            "$ref": "#/components/headers/X-RateLimit-Limit"
          },
          "X-RateLimit-Remaining": {
            "$ref": "#/components/headers/X-RateLimit-Remaining"
          },
          "X-RateLimit-Reset": {
            "$ref": "#/components/headers/X-RateLimit-Reset"
          },
          "Retry-After": {
            "$ref": "#/components/headers/Retry-After"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "example": {
              "error": {
                "code": "service_unavailable",
                "message": "Service temporarily unavailable"
              }
            }
          }
        }
      }
    },
    "schemas": {
      "ErrorEnvelope": {
        "type": "object",
        "description": "The documented error body `{\"error\": {code, message, details?}}` (429 adds\n`retry_after`). The send-html page documents its own flat 400 instead (FlatError), on\nsendEmail only.\n",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "$ref": "#/components/schemas/ErrorObject"
          }
        }
      },
      "FlatError": {
        "type": "object",
        "description": "The send-html page's 400 body, a flat message (`{\"error\": \"to must be an email\"}`).",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "string",
            "example": "to must be an email"
          }
        }
      },
      "ErrorObject": {
        "type": "object",
        "required": [
          "code",
          "message"
        ],
        "properties": {
          "code": {
            "type": "string",
            "description": "Machine-readable code. Documented by Minimo: `unauthorized` 401, `forbidden` 403,\n`not_found` 404, `validation_error` 422, `rate_limit_exceeded` 429,\n`template_not_approved` 422, `invalid_phone_number` 422, `duplicate_resource` 409\n(conventions); `bad_request` (get-by-email), `invalid_group_by` (custom-fields list);\n`template_not_found`, `invalid_recipient`, `missing_custom_field`,\n`sender_not_verified` (email send-template). Added by this project, for cases the\ndocs give no code for: `gone` (410 after a legacy sunset), `internal_error` (500),\n`service_unavailable` (503), `method_not_allowed` (405).\n",
            "enum": [
              "unauthorized",
              "forbidden",
              "not_found",
              "validation_error",
              "rate_limit_exceeded",
              "template_not_approved",
              "invalid_phone_number",
              "duplicate_resource",
              "bad_request",
              "invalid_group_by",
              "template_not_found",
              "invalid_recipient",
              "missing_custom_field",
              "sender_not_verified",
              "gone",
              "internal_error",
              "service_unavailable",
              "method_not_allowed"
            ],
            "example": "unauthorized"
          },
          "message": {
            "type": "string",
            "description": "Human-readable message."
          },
          "details": {
            "type": "object",
            "description": "Optional context, e.g. `{\"field\": \"email\", \"value\": \"invalid-email\"}`.",
            "additionalProperties": true
          },
          "retry_after": {
            "type": "integer",
            "minimum": 0,
            "description": "Seconds to wait before retrying (429 only)."
          }
        }
      },
      "Phone": {
        "type": "string",
        "description": "Phone number in E.164 (`+<country code><number>`, no spaces, dashes or parentheses). The\ndocs insist on the `+` but their own samples omit it, so it is optional here.\n",
        "pattern": "^\\+?[1-9][0-9]{6,14}$",
        "x-minimo-error-code": "invalid_phone_number",
        "example": "+393471234567"
      },
      "CustomFieldValues": {
        "type": "object",
        "description": "Custom-field values by key; deep-merged on update (only the keys sent change). Our bound\n(the docs give none): objects and arrays nest at most 32 levels deep, counting this\nobject as level 1 (`x-minimo-max-depth`), and numbers are finite. Deeper values answer\n422 `validation_error` naming `customFields`, before anything is stored.\n",
        "additionalProperties": true,
        "x-minimo-max-depth": 32,
        "example": {
          "COMPANY_SIZE": "50"
        }
      },
      "MarketingConsent": {
        "type": "object",
        "description": "Per-channel marketing consent; true = opt-in, false = opt-out, omitted = unchanged.",
        "additionalProperties": false,
        "properties": {
          "email": {
            "type": "boolean"
          },
          "whatsapp": {
            "type": "boolean"
          }
        }
      },
      "Contact": {
        "type": "object",
        "description": "A contact as returned by the API (snake_case, as documented).",
        "required": [
          "id"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "format": "int64"
          },
          "email": {
            "type": [
              "string",
              "null"
            ]
          },
          "phone": {
            "type": [
              "string",
              "null"
            ]
          },
          "status": {
            "type": "string",
            "description": "e.g. `active`."
          },
          "source": {
            "type": "string",
            "description": "e.g. `API`."
          },
          "custom_fields": {
            "type": "object",
            "additionalProperties": true
          },
          "company": {
            "type": "integer",
            "description": "Id of the company that owns the contact."
          },
          "deleted": {
            "type": "boolean"
          },
          "external_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "external_connection_id": {
            "type": [
              "integer",
              "null"
            ]
          }
        }
      },
      "ContactResponse": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "$ref": "#/components/schemas/Contact"
          }
        }
      },
      "ContactInput": {
        "type": "object",
        "description": "Upsert body (camelCase, as documented). Match order: `email`, then `phone`, else create.\n`tags` is documented on the legacy contacts page only.\n",
        "additionalProperties": false,
        "properties": {
          "email": {
            "type": "string",
            "format": "email"
          },
          "phone": {
            "$ref": "#/components/schemas/Phone"
          },
          "firstName": {
            "type": "string"
          },
          "lastName": {
            "type": "string"
          },
          "customFields": {
            "$ref": "#/components/schemas/CustomFieldValues"
          },
          "marketingConsent": {
            "$ref": "#/components/schemas/MarketingConsent"
          },
          "tags": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "ContactUpdate": {
        "type": "object",
        "description": "Partial update by id; only the fields sent change.",
        "additionalProperties": false,
        "properties": {
          "email": {
            "type": "string",
            "format": "email"
          },
          "phone": {
            "$ref": "#/components/schemas/Phone"
          },
          "firstName": {
            "type": "string"
          },
          "lastName": {
            "type": "string"
          },
          "customFields": {
            "$ref": "#/components/schemas/CustomFieldValues"
          },
          "marketingConsent": {
            "$ref": "#/components/schemas/MarketingConsent"
          }
        }
      },
      "UpsertContactResult": {
        "type": "array",
        "description": "Bare array, as documented (no `{data}` envelope).",
        "items": {
          "type": "object",
          "required": [
            "contactId"
          ],
          "properties": {
            "contactId": {
              "type": "string"
            }
          }
        }
      },
      "UpdatedContact": {
        "type": "object",
        "description": "The documented example (`{id, phone}`) is partial; the contact may also come inside\n`data`. Tolerant.\n",
        "properties": {
          "id": {
            "type": "integer",
            "format": "int64"
          },
          "email": {
            "type": [
              "string",
              "null"
            ]
          },
          "phone": {
            "type": [
              "string",
              "null"
            ]
          },
          "data": {
            "$ref": "#/components/schemas/Contact"
          }
        }
      },
      "CustomFieldType": {
        "type": "string",
        "enum": [
          "text",
          "number",
          "boolean",
          "date",
          "datetime",
          "select",
          "json"
        ]
      },
      "CustomField": {
        "type": "object",
        "required": [
          "id",
          "key",
          "type"
        ],
        "properties": {
          "id": {
            "type": "integer"
          },
          "key": {
            "type": "string",
            "description": "Upper-cased key, e.g. `COMPANY_SIZE`."
          },
          "displayName": {
            "type": "string"
          },
          "type": {
            "$ref": "#/components/schemas/CustomFieldType"
          },
          "category": {
            "type": [
              "string",
              "null"
            ]
          },
          "visibility": {
            "type": "boolean"
          },
          "source": {
            "type": "string",
            "description": "e.g. `Manual`, `System`."
          }
        }
      },
      "CustomFieldInput": {
        "type": "object",
        "description": "`displayName` (newer pages) or `display_name` (the older page's cURL sample): send one.\nThe docs' property table is cut off after \"Addi…\", so unknown properties are accepted.\n",
        "additionalProperties": true,
        "required": [
          "key",
          "type"
        ],
        "properties": {
          "key": {
            "type": "string",
            "minLength": 1,
            "description": "Upper-cased by Minimo; SNAKE_CASE recommended."
          },
          "displayName": {
            "type": "string",
            "minLength": 1
          },
          "display_name": {
            "type": "string",
            "minLength": 1,
            "description": "The older pages' name for `displayName`."
          },
          "type": {
            "$ref": "#/components/schemas/CustomFieldType"
          },
          "category": {
            "type": "string"
          },
          "options": {
            "type": "array",
            "description": "Acceptable values for `select` fields (property name is our reading).",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "CustomFieldResponse": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "$ref": "#/components/schemas/CustomField"
          }
        }
      },
      "CustomFieldGroups": {
        "type": "object",
        "required": [
          "groups"
        ],
        "properties": {
          "groups": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "category",
                "fields"
              ],
              "properties": {
                "category": {
                  "type": "string",
                  "description": "Category name; `uncategorized` for fields without one."
                },
                "fields": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/CustomField"
                  }
                }
              }
            }
          },
          "total": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "CustomFieldList": {
        "type": "object",
        "description": "Pagination fields come with the flat form only.",
        "allOf": [
          {
            "$ref": "#/components/schemas/Pagination"
          }
        ],
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "oneOf": [
              {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/CustomField"
                }
              },
              {
                "$ref": "#/components/schemas/CustomFieldGroups"
              }
            ]
          }
        }
      },
      "EmailTemplate": {
        "type": "object",
        "required": [
          "id",
          "name"
        ],
        "properties": {
          "id": {
            "type": [
              "integer",
              "string"
            ],
            "description": "Integer per the schema; `tmpl_…` strings per the prose."
          },
          "name": {
            "type": "string"
          },
          "subject": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "description": "`active`, `draft` or `archived`; only `active` templates can be sent."
          },
          "category": {
            "type": "string",
            "description": "`transactional`, `marketing` or `automated`."
          },
          "variables": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "created": {
            "type": "string",
            "format": "date-time"
          },
          "updated": {
            "type": "string",
            "format": "date-time"
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "updatedAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "Pagination": {
        "type": "object",
        "description": "The conventions page's pagination fields, beside `data`: \"page … limit … total …\ntotalPages … hasNext …\" (the list is cut off there; `hasPrev` is our reading). Optional,\nsince no endpoint page shows them.\n",
        "properties": {
          "page": {
            "type": "integer",
            "minimum": 1
          },
          "limit": {
            "type": "integer",
            "minimum": 1
          },
          "total": {
            "type": "integer",
            "minimum": 0
          },
          "totalPages": {
            "type": "integer",
            "minimum": 0
          },
          "hasNext": {
            "type": "boolean"
          },
          "hasPrev": {
            "type": "boolean"
          }
        }
      },
      "EmailTemplateList": {
        "type": "object",
        "allOf": [
          {
            "$ref": "#/components/schemas/Pagination"
          }
        ],
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/EmailTemplate"
            }
          }
        }
      },
      "SendEmailTemplateInput": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "templateId",
          "recipient"
        ],
        "properties": {
          "templateId": {
            "type": [
              "string",
              "integer"
            ],
            "description": "Template id, e.g. `tmpl_abc123`."
          },
          "recipient": {
            "type": "string",
            "format": "email",
            "description": "The recipient's email; a bad one answers 422 `invalid_recipient`.",
            "x-minimo-error-code": "invalid_recipient"
          },
          "customFields": {
            "type": "object",
            "description": "Values for the template's `{{variableName}}` placeholders.",
            "additionalProperties": true
          }
        }
      },
      "LegacyTransactionalInput": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "uid",
          "recipient"
        ],
        "properties": {
          "uid": {
            "type": "string",
            "description": "Template uid (became `templateId` in sendEmailTemplate)."
          },
          "recipient": {
            "type": "string",
            "format": "email"
          },
          "customFields": {
            "type": "object",
            "additionalProperties": true
          }
        }
      },
      "LegacyStatus": {
        "type": "object",
        "description": "Legacy send result; Minimo's prober also reads a `sent` boolean.",
        "properties": {
          "status": {
            "type": "integer"
          },
          "sent": {
            "type": "boolean"
          }
        }
      },
      "OneShotEmailInput": {
        "type": "object",
        "description": "Only `to` is documented as required (\"to must be an email\").",
        "additionalProperties": false,
        "required": [
          "to"
        ],
        "properties": {
          "to": {
            "type": "string",
            "format": "email"
          },
          "subject": {
            "type": "string"
          },
          "html": {
            "type": "string",
            "description": "HTML body; `{{UNSUBSCRIBE_URL}}`, `{{PREFERENCES_URL}}` are filled per recipient."
          },
          "text": {
            "type": "string",
            "description": "Plain-text fallback (recommended)."
          }
        }
      },
      "OneShotEmailStatus": {
        "type": "string",
        "enum": [
          "pending",
          "sent",
          "failed"
        ]
      },
      "OneShotEmail": {
        "type": "object",
        "required": [
          "id",
          "status"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "Opaque sqid, e.g. `DMPNEF8`."
          },
          "status": {
            "$ref": "#/components/schemas/OneShotEmailStatus"
          },
          "messageId": {
            "type": [
              "string",
              "null"
            ],
            "description": "Provider message id."
          },
          "statsUrl": {
            "type": "string",
            "description": "Path of getEmailStats for this email."
          },
          "failureReason": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "OneShotEmailResponse": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "$ref": "#/components/schemas/OneShotEmail"
          }
        }
      },
      "EmailStats": {
        "type": "object",
        "required": [
          "id",
          "status"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/OneShotEmailStatus"
          },
          "to": {
            "type": "string"
          },
          "subject": {
            "type": "string"
          },
          "sentAt": {
            "type": "string",
            "format": "date-time",
            "description": "Queue-in time, not provider acceptance."
          },
          "opened": {
            "type": "boolean"
          },
          "firstOpenAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "clickCount": {
            "type": "integer",
            "minimum": 0
          },
          "firstClickAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "failureReason": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "EmailStatsResponse": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "$ref": "#/components/schemas/EmailStats"
          }
        }
      },
      "TransactionalStats": {
        "type": "object",
        "properties": {
          "created": {
            "type": "string",
            "format": "date-time"
          },
          "openRate": {
            "type": "string",
            "description": "Percentage string, e.g. `85%`.",
            "example": "85%"
          },
          "clickRate": {
            "type": "string",
            "description": "Percentage string, e.g. `12%`.",
            "example": "12%"
          },
          "totalMessagesSent": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "TransactionalStatsResponse": {
        "type": "object",
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "$ref": "#/components/schemas/TransactionalStats"
          }
        }
      },
      "WhatsappTemplate": {
        "type": "object",
        "description": "The prose documents camelCase fields, the playground snake_case ones\n(`created_at`, `quality_score`, `waba_account_id`, …); extra properties are allowed.\n",
        "required": [
          "id",
          "name"
        ],
        "properties": {
          "id": {
            "type": "string",
            "example": "tmpl_82jh2asjda"
          },
          "name": {
            "type": "string"
          },
          "language": {
            "type": "string",
            "example": "en_US"
          },
          "status": {
            "type": "string",
            "description": "`APPROVED` (sendable), `PENDING`, `REJECTED` or `DISABLED`."
          },
          "category": {
            "type": "string",
            "description": "`UTILITY`, `AUTHENTICATION` or `MARKETING`."
          },
          "namespace": {
            "type": "string"
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "updatedAt": {
            "type": "string",
            "format": "date-time"
          },
          "qualityScore": {
            "type": "object",
            "properties": {
              "score": {
                "type": "string",
                "description": "`GREEN`, `YELLOW`, `RED` or `UNKNOWN`."
              },
              "reasons": {
                "type": [
                  "array",
                  "null"
                ],
                "items": {
                  "type": "string"
                }
              }
            }
          },
          "components": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "type": {
                  "type": "string",
                  "description": "`HEADER`, `BODY`, `FOOTER`, `BUTTONS`."
                },
                "format": {
                  "type": "string"
                },
                "text": {
                  "type": "string"
                },
                "example": {
                  "type": "object"
                }
              }
            }
          }
        }
      },
      "WhatsappTemplateList": {
        "type": "object",
        "allOf": [
          {
            "$ref": "#/components/schemas/Pagination"
          }
        ],
        "required": [
          "data"
        ],
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/WhatsappTemplate"
            }
          }
        }
      },
      "WhatsappSendInput": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "recipient",
          "type",
          "template"
        ],
        "properties": {
          "recipient": {
            "$ref": "#/components/schemas/Phone"
          },
          "type": {
            "type": "string",
            "enum": [
              "template"
            ]
          },
          "template": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "name"
            ],
            "properties": {
              "name": {
                "type": "string",
                "description": "Name of an APPROVED template."
              },
              "languageCode": {
                "type": "string",
                "description": "e.g. `en_US` (sent by Minimo's own prober)."
              },
              "components": {
                "type": "array",
                "items": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "type"
                  ],
                  "properties": {
                    "type": {
                      "type": "string",
                      "enum": [
                        "HEADER",
                        "BODY",
                        "BUTTON"
                      ]
                    },
                    "parameters": {
                      "type": "array",
                      "description": "Placeholder values in order (`{{1}}`, `{{2}}`, …). A HEADER's one variable\nmay also be an image, document or video (Meta's media object).\n",
                      "items": {
                        "$ref": "#/components/schemas/WhatsappParameter"
                      }
                    }
                  }
                }
              }
            }
          }
        }
      },
      "WhatsappParameter": {
        "oneOf": [
          {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "type",
              "text"
            ],
            "properties": {
              "type": {
                "type": "string",
                "const": "text"
              },
              "text": {
                "type": "string"
              }
            }
          },
          {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "type",
              "image"
            ],
            "properties": {
              "type": {
                "type": "string",
                "const": "image"
              },
              "image": {
                "$ref": "#/components/schemas/WhatsappMedia"
              }
            }
          },
          {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "type",
              "document"
            ],
            "properties": {
              "type": {
                "type": "string",
                "const": "document"
              },
              "document": {
                "$ref": "#/components/schemas/WhatsappMedia"
              }
            }
          },
          {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "type",
              "video"
            ],
            "properties": {
              "type": {
                "type": "string",
                "const": "video"
              },
              "video": {
                "$ref": "#/components/schemas/WhatsappMedia"
              }
            }
          }
        ]
      },
      "WhatsappMedia": {
        "type": "object",
        "description": "A header media value in Meta's shape (our reading; Minimo's page only says \"Text, image,\ndocument, or video\"): a public `link` or an uploaded media `id`.\n",
        "minProperties": 1,
        "additionalProperties": false,
        "properties": {
          "link": {
            "type": "string",
            "format": "uri"
          },
          "id": {
            "type": "string"
          },
          "caption": {
            "type": "string"
          },
          "filename": {
            "type": "string",
            "description": "Documents only."
          }
        }
      },
      "WhatsappSendResult": {
        "type": "object",
        "description": "Tolerant; `success` may be top-level or under `data`, the page shows `{status}`.",
        "properties": {
          "success": {
            "type": "boolean"
          },
          "status": {
            "type": "integer"
          },
          "data": {
            "type": "object",
            "properties": {
              "success": {
                "type": "boolean"
              }
            }
          }
        }
      }
    }
  }
};
