using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Governance.Api.OpenApi;

/// <summary>
/// Describes path and query parameters by name: every route uses each name in one sense, so the manual says it once.
/// Handlers' parameters carry no XML comments the document could read.
/// </summary>
public sealed class ParameterDescriptionFilter : IOperationFilter
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["cooperativeId"] = "The cooperative's id.",
        ["memberId"] = "The member's id, which is also the subject of their token.",
        ["proposalId"] = "The proposal's id.",
        ["pollId"] = "The priority poll's id.",
        ["taskId"] = "The task's id.",
        ["webhookId"] = "The webhook endpoint's id.",
        ["keyId"] = "The app key's id.",
        ["importId"] = "The import's id. On an import, chosen by the client to follow its progress while the body uploads, or generated when left out.",
        ["topic"] = "The topic, one of the cooperative's.",
        ["cursor"] = "The nextCursor of the previous page; left out for the first page.",
        ["limit"] = "The most items to return, from 1 to the server's maximum; the server's default page size when left out.",
        ["after"] = "A cursor, the nextCursor of an earlier page: what came after it. Left out to start at the beginning.",
        ["types"] = "Comma-separated event types of the catalog to keep, such as ballot.cast,proposal.closed; every type when left out.",
        ["Last-Event-ID"] = "The id of the last message received, sent on reconnecting: the stream resumes after it.",
        ["status"] = "Only those in this status, by its name (such as voting or open); all of them when left out.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.Description is null && parameter.Name is { } name && Descriptions.TryGetValue(name, out var description))
            {
                parameter.Description = description;
            }
        }
    }
}
