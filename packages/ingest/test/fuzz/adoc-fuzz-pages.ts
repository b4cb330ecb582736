/**
 * Small AsciiDoc reference pages written for the tests (a made-up `gadgets` family), in the
 * layouts of NetApp's source, with its traps: `//` comments in tables, an unescaped `|` in an
 * `a|` cell, a leaked `=====` note inside a cell, an error-code table with a stray empty cell
 * per row and codes printed after it closed, one anchor name for two shapes, a listing opened
 * once too often, an indented fence, a `[source]` paragraph.
 */

export const OVERVIEW = `---
sidebar: sidebar
permalink: 'gadgets_endpoint_overview.html'
summary: 'Gadgets overview'
---

= Overview of gadgets
:imagesdir: ./media/

== Overview

Gadgets are imaginary things that this test invents.

== Examples

Listing the gadgets:

----
# The API:
GET /api/gadgets

# The call:
curl -X GET "https://<mgmt-ip>/api/gadgets?fields=*" -H "accept: application/hal+json"
----

POST /api/gadgets/?size=<3 is an example call in prose, not an operation.
`;

export const GET_COLLECTION = `---
sidebar: sidebar
permalink: 'get-gadgets.html'
summary: 'List gadgets'
---

= List gadgets
:imagesdir: ./media/

[.api-doc-operation .api-doc-operation-get]#GET# [.api-doc-code-block]#\`/gadgets\`#

*Introduced In:* 9.42

Lists the gadgets.

== Learn more

* link:gadgets_endpoint_overview.html[DOC /gadgets]

== Parameters

[cols=5*,options=header]
|===

|Name
|Type
|In
|Required
|Description

//start row
|size
|integer
|query
|False
a|Filter by size

* Min value: 1
* Max value: 64
//end row

|return_records
|boolean
|query
|False
a|Whether to return the records.

* Default value: 1

|order_by
|array[string]
|query
|False
a|Order by the fields given, [asc|desc] for the direction.

|===

== Response

\`\`\`
Status: 200, Ok
\`\`\`

[cols=3*,options=header]
|===
|Name
|Type
|Description

|_links
|link:#_links[_links]
a|

|num_records
|integer
a|How many records.

|records
|array[link:#gadget[gadget]]
a|

|===

.Example response
[%collapsible%closed]
====
[source,json,subs=+macros]
{
  "num_records": "1",
  "records": [ { "uuid": "1cd8a442-86d1-11e0-ae1c-123478563412", "name": "g1" } ]
}
====

== Error

\`\`\`
Status: Default, Error
\`\`\`

== Definitions

[.api-def-first-level]
.See Definitions
[%collapsible%closed]
//Start collapsible Definitions block
====
[#href]
[.api-collapsible-fifth-title]
href

[cols=3*,options=header]
|===
|Name
|Type
|Description

|href
|string
a|

|===

[#_links]
[.api-collapsible-fifth-title]
_links

[cols=3*,options=header]
|===
|Name
|Type
|Description

|next
|link:#href[href]
a|

|self
|link:#href[href]
a|

|===

[#_links]
[.api-collapsible-fifth-title]
_links

[cols=3*,options=header]
|===
|Name
|Type
|Description

|self
|link:#href[href]
a|

|===

[#gadget]
[.api-collapsible-fifth-title]
gadget

[cols=3*,options=header]
|===
|Name
|Type
|Description

|_links
|link:#_links[_links]
a|

|name
|string
a|The gadget's name.

* example: g1
* readCreate: 1
* Introduced in: 9.43
* x-nullable: true

|size
|integer
a|The size.

=====
Internal note, not a heading.
=====

* Min value: 1
* Max value: 64

|uuid
|string
a|The gadget's UUID.

* readOnly: 1
* format: uuid

|===

//end collapsible .Definitions block
====
`;

export const POST = `---
sidebar: sidebar
permalink: 'post-gadgets.html'
summary: 'Create a gadget'
---

= Create a gadget
:imagesdir: ./media/

[.api-doc-operation .api-doc-operation-post]#POST# [.api-doc-code-block]#\`/gadgets/{owner.uuid}/items\`#

*Introduced In:* 9.42

Creates a gadget.

== Required properties

* \`name\`
* \`owner.uuid\` or \`owner.name\`

== Examples

----
POST "/api/gadgets/abc/items" '{"name": "g1"}'
----

Creating a gadget with a size.
----

POST "/api/gadgets/abc/items" '{"name": "g2", "size": 3}'
 \`\`\`

== Parameters

[cols=5*,options=header]
|===

|Name
|Type
|In
|Required
|Description

|owner.uuid
|string
|path
|True
a|The owner.

|return_timeout
|integer
|query
|False
a|Seconds to wait.

* Default value: 0
* Max value: 120
* Min value: 0

|===

== Request Body

[cols=3*,options=header]
|===
|Name
|Type
|Description

|name
|string
a|The gadget's name.

|size
|integer
a|The size.

|uuid
|string
a|The UUID.

|===

== Response

\`\`\`
Status: 202, Accepted
\`\`\`

[cols=3*,options=header]
|===
|Name
|Type
|Description

|job
|link:#job_link[job_link]
a|

|===

=== Headers

[cols=3*,options=header]
|===
//header
|Name
|Description
|Type
//end header

//start row
|Location
|Where the new gadget is
|string
//end row
//end table
|===

== Error

\`\`\`
Status: Default
\`\`\`

ONTAP Error Response Codes

//start table
[cols=2*,options=header]
|===
//header
| Error Code | Description
//end header
//start row
|917505
//end row
//start row
|The owner does not exist.
//end row
//start row
|
//end row
//start row
|917506
//end row
//start row
|The size is out of range.
//end row
//start row
|
//end row
|===
| 917507 | The name is taken. |

== Definitions

[.api-def-first-level]
.See Definitions
[%collapsible%closed]
====
[#job_link]
[.api-collapsible-fifth-title]
job_link

[cols=3*,options=header]
|===
|Name
|Type
|Description

|uuid
|string
a|The job's UUID.

* readOnly: 1
* format: uuid

|===
====
`;

export const ADOC_PAGES: { file: string; text: string }[] = [
  { file: "gadgets_endpoint_overview.adoc", text: OVERVIEW },
  { file: "get-gadgets.adoc", text: GET_COLLECTION },
  { file: "post-gadgets-items.adoc", text: POST },
];
