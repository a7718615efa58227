using System.Security.Claims;
using Governance.Api.Authorization;
using Governance.Api.Grains;
using Governance.Api.Requests;
using Governance.Api.Responses;
using Governance.Api.Security;
using Governance.Api.Validation;
using Governance.Contracts.Webhooks;
using Governance.Domain.Identifiers;

namespace Governance.Api.Endpoints;

/// <summary>
/// Webhook endpoints, managed by the cooperative's admins. Each receives the feed's events, signed per Standard
/// Webhooks, at least once and in feed order.
/// </summary>
public static class WebhookEndpoints
{
    public static void MapWebhookEndpoints(this RouteGroupBuilder v1)
    {
        var webhooks = v1.MapGroup("/cooperatives/{cooperativeId}/webhooks").WithTags("Webhooks")
            .RequireAccess(Access.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapPost("/", async (string cooperativeId, CreateWebhookRequest request, ClaimsPrincipal user, GrainReferences grains) =>
        {
            var command = new CreateWebhookCommand(ResourceId.New(), request.Url, request.EventTypes, request.Description, user.RequireMemberId());
            var created = await grains.WebhookRegistry(cooperativeId).Create(command);
            return TypedResults.Created($"/v1/cooperatives/{cooperativeId}/webhooks/{created.Webhook.Id}", CreatedWebhookResponse.Of(created));
        }).ProducesProblem(StatusCodes.Status409Conflict);

        webhooks.MapGet("/", (string cooperativeId, GrainReferences grains) =>
            grains.WebhookRegistry(cooperativeId).List());

        webhooks.MapGet("/{webhookId}", (string cooperativeId, string webhookId, GrainReferences grains) =>
            grains.Webhook(cooperativeId, webhookId).Get());

        webhooks.MapDelete("/{webhookId}", async (string cooperativeId, string webhookId, GrainReferences grains) =>
        {
            await grains.WebhookRegistry(cooperativeId).Remove(webhookId);
            return TypedResults.NoContent();
        });

        webhooks.MapPost("/{webhookId}/rotate-secret", async (string cooperativeId, string webhookId, GrainReferences grains) =>
            CreatedWebhookResponse.Of(await grains.Webhook(cooperativeId, webhookId).RotateSecret()));

        webhooks.MapPost("/{webhookId}/enable", (string cooperativeId, string webhookId, GrainReferences grains) =>
            grains.Webhook(cooperativeId, webhookId).Enable());

        webhooks.MapGet("/{webhookId}/deliveries", (string cooperativeId, string webhookId, string? cursor, int? limit, PageRequests pages, GrainReferences grains) =>
            grains.Webhook(cooperativeId, webhookId).ListDeliveries(cursor, pages.Limit(limit)));

        webhooks.MapPost("/{webhookId}/replay", (string cooperativeId, string webhookId, ReplayWebhookRequest? request, GrainReferences grains) =>
            grains.Webhook(cooperativeId, webhookId).Replay(request?.After));
    }
}
