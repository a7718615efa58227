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
        }).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateWebhook")
            .WithSummary("Register a webhook")
            .WithDescription("Adds an endpoint that receives the cooperative's events, signed; the whsec_ secret is shown only in this answer. Delivery starts at the feed's end.");

        webhooks.MapGet("/", (string cooperativeId, GrainReferences grains) =>
            grains.WebhookRegistry(cooperativeId).List())
            .WithName("ListWebhooks")
            .WithSummary("List the webhooks")
            .WithDescription("Each endpoint's status, last delivery and progress; never a secret. Changes nothing.");

        webhooks.MapGet("/{webhookId}", (string cooperativeId, string webhookId, GrainReferences grains) =>
            grains.Webhook(cooperativeId, webhookId).Get())
            .WithName("GetWebhook")
            .WithSummary("Read a webhook")
            .WithDescription("The endpoint's status (and why it is disabled), last delivery and how far delivery has reached; changes nothing.");

        webhooks.MapDelete("/{webhookId}", async (string cooperativeId, string webhookId, GrainReferences grains) =>
        {
            await grains.WebhookRegistry(cooperativeId).Remove(webhookId);
            return TypedResults.NoContent();
        })
            .WithName("DeleteWebhook")
            .WithSummary("Delete a webhook")
            .WithDescription("Delivery stops at once and the endpoint is gone.");

        webhooks.MapPost("/{webhookId}/rotate-secret", async (string cooperativeId, string webhookId, GrainReferences grains) =>
            CreatedWebhookResponse.Of(await grains.Webhook(cooperativeId, webhookId).RotateSecret()))
            .WithName("RotateWebhookSecret")
            .WithSummary("Rotate a webhook's secret")
            .WithDescription("Issues a new secret, shown only in this answer; the old one keeps signing beside it for 24 hours.");

        webhooks.MapPost("/{webhookId}/enable", (string cooperativeId, string webhookId, GrainReferences grains) =>
            grains.Webhook(cooperativeId, webhookId).Enable())
            .WithName("EnableWebhook")
            .WithSummary("Enable a webhook")
            .WithDescription("A disabled endpoint delivers again, from where it stopped.");

        webhooks.MapGet("/{webhookId}/deliveries", (string cooperativeId, string webhookId, string? cursor, int? limit, PageRequests pages, GrainReferences grains) =>
            grains.Webhook(cooperativeId, webhookId).ListDeliveries(cursor, pages.Limit(limit)))
            .WithName("ListWebhookDeliveries")
            .WithSummary("A webhook's delivery attempts")
            .WithDescription("The latest attempts, newest first, paged: time, status, duration and error. Changes nothing.");

        webhooks.MapPost("/{webhookId}/replay", (string cooperativeId, string webhookId, ReplayWebhookRequest? request, GrainReferences grains) =>
            grains.Webhook(cooperativeId, webhookId).Replay(request?.After))
            .WithName("ReplayWebhook")
            .WithSummary("Replay from a feed cursor")
            .WithDescription("Delivery goes back to the cursor given (null for the start) and sends everything after it again.");
    }
}
