using Governance.Api.Responses;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Governance.Api.OpenApi;

/// <summary>
/// Describes the items of a feed page as CloudEvents 1.0. The API passes each stored event through as it was written,
/// so its record holds plain JSON, which the document would otherwise leave untyped.
/// </summary>
public sealed class CloudEventSchemaFilter : ISchemaFilter
{
    public const string SchemaId = "CloudEvent";

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(FeedPageResponse) || schema is not OpenApiSchema page || page.Properties is null)
        {
            return;
        }

        var cloudEvent = context.SchemaRepository.Schemas.ContainsKey(SchemaId)
            ? new OpenApiSchemaReference(SchemaId)
            : context.SchemaRepository.AddDefinition(SchemaId, CloudEvent());
        page.Properties["items"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Items = cloudEvent,
            Description = "The events, oldest first.",
        };
    }

    private static OpenApiSchema CloudEvent() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "One event of the feed, a CloudEvents 1.0 structured event. The catalog of types and their data is in docs/feed.md.",
        Required = new HashSet<string> { "specversion", "id", "source", "type", "time", "datacontenttype", "data" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["specversion"] = Text("The CloudEvents version, 1.0."),
            ["id"] = Text("{log}/{version}: unique, and the same on every read and every delivery, so a reader drops repeats by it."),
            ["source"] = Text("The resource the event happened to, such as /v1/cooperatives/acme/proposals/oven."),
            ["type"] = Text("What happened, from the catalog, such as ballot.cast or proposal.closed."),
            ["subject"] = Text("The member, topic, key or item the event is about, when there is one.", nullable: true),
            ["time"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "When the change was stored." },
            ["datacontenttype"] = Text("application/json."),
            ["data"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "What happened, with the acting member as by (null for a deadline or an expiry); its fields depend on the type.",
            },
        },
    };

    private static OpenApiSchema Text(string description, bool nullable = false) => new()
    {
        Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String,
        Description = description,
    };
}
