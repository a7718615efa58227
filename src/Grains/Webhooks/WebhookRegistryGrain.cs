using Governance.Contracts.Errors;
using Governance.Contracts.Feed;
using Governance.Contracts.Webhooks;
using Governance.Domain.Rules;
using Governance.Grains.Storage.GrainState;
using Microsoft.Extensions.Options;

namespace Governance.Grains.Webhooks;

/// <summary>
/// A cooperative's webhook endpoints. It checks a new endpoint (its URL against the address policy, its event types
/// against the catalog, the cooperative's limit) and lists it before creating it, so no endpoint delivers unlisted.
/// Not reentrant: registrations and removals run one at a time, which keeps the limit exact.
/// </summary>
public sealed class WebhookRegistryGrain : Grain, IWebhookRegistryGrain
{
    private readonly IPersistentState<WebhookRegistryState> _state;
    private readonly WebhookUrlValidator _urls;
    private readonly GovernanceLimits _limits;

    public WebhookRegistryGrain(
        [PersistentState("webhooks", GrainStorageNames.Governance)] IPersistentState<WebhookRegistryState> state,
        WebhookUrlValidator urls,
        IOptions<GovernanceLimits> limits)
    {
        _state = state;
        _urls = urls;
        _limits = limits.Value;
    }

    private string CooperativeId => this.GetPrimaryKeyString();

    public async Task<CreatedWebhook> Create(CreateWebhookCommand command)
    {
        var check = await _urls.CheckAsync(command.Url, CancellationToken.None);
        if (!check.IsValid)
        {
            throw RuleViolationException.Invalid(check.ErrorCode!, check.Message!, "url");
        }

        RequireCatalogTypes(command.EventTypes);
        if (command.Description is { Length: var length } && length > _limits.MaxTitleLength)
        {
            throw RuleViolationException.Invalid("description-too-long", $"'description' is at most {_limits.MaxTitleLength} characters.", "description");
        }

        if (_state.State.Ids.Count >= _limits.MaxWebhooksPerCooperative)
        {
            throw RuleViolationException.Conflict(
                "too-many-webhooks", $"A cooperative has at most {_limits.MaxWebhooksPerCooperative} webhooks; delete one first.");
        }

        _state.State.Ids.Add(command.Id);
        await _state.WriteStateAsync();
        try
        {
            return await Webhook(command.Id).Create(command with { Url = check.Url!.AbsoluteUri });
        }
        catch
        {
            _state.State.Ids.Remove(command.Id);
            await _state.WriteStateAsync();
            throw;
        }
    }

    public async Task<IReadOnlyList<WebhookView>> List()
    {
        var views = new List<WebhookView>(_state.State.Ids.Count);
        foreach (var id in _state.State.Ids)
        {
            try
            {
                views.Add(await Webhook(id).Get());
            }
            catch (GovernanceException exception) when (exception.Kind == ErrorKind.NotFound)
            {
                // Listed, but the silo stopped before the endpoint was created: there is nothing to show or deliver.
            }
        }

        return views;
    }

    public async Task Remove(string webhookId)
    {
        if (!_state.State.Ids.Contains(webhookId))
        {
            throw RuleViolationException.NotFound("webhook-not-found", "The cooperative has no webhook with this id.");
        }

        await Webhook(webhookId).Delete();
        _state.State.Ids.Remove(webhookId);
        await _state.WriteStateAsync();
    }

    public Task FeedAdvanced()
    {
        foreach (var id in _state.State.Ids)
        {
            _ = Webhook(id).Wake();
        }

        return Task.CompletedTask;
    }

    private IWebhookGrain Webhook(string webhookId) => GrainFactory.GetGrain<IWebhookGrain>(WebhookKey.Of(CooperativeId, webhookId));

    private static void RequireCatalogTypes(IReadOnlyList<string>? types)
    {
        if (types is null)
        {
            return;
        }

        if (types.Count == 0)
        {
            throw RuleViolationException.Invalid("invalid-event-types", "'eventTypes' names no type; leave it out to receive every type.", "eventTypes");
        }

        if (types.FirstOrDefault(type => !FeedEventTypes.All.Contains(type, StringComparer.Ordinal)) is { } unknown)
        {
            throw RuleViolationException.Invalid("invalid-event-types", $"'{unknown}' is not an event type of the catalog.", "eventTypes");
        }
    }
}
