using Governance.Contracts.Feed;
using Governance.Contracts.Paging;
using Governance.Contracts.Webhooks;
using Governance.Domain.Rules;
using Governance.Grains.Paging;
using Governance.Grains.Storage.GrainState;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Governance.Grains.Webhooks;

/// <summary>
/// One webhook endpoint. It reads its cooperative's feed from its cursor and delivers each event in order, one at a
/// time, moving the cursor only past events the receiver accepted: at least once, in feed order. A failed event is
/// retried per the schedule and holds back the ones after it. The state (settings, secrets, cursor) is saved after
/// every page and every failure, so after a crash at most one page is delivered again, with the same webhook-id. A
/// reminder brings the endpoint back after a restart or the loss of its silo; the feed wakes it when it grows.
/// </summary>
[Reentrant]
public sealed class WebhookGrain : Grain, IWebhookGrain, IRemindable, IDisposable
{
    /// <summary>How long the previous secret keeps signing after a rotation.</summary>
    public static readonly TimeSpan SecretOverlap = TimeSpan.FromHours(24);

    private const string ReminderName = "webhook-delivery";
    private const int PageSize = 50;

    private readonly IPersistentState<WebhookState> _state;
    private readonly WebhookClient _client;
    private readonly RetrySchedule _schedule;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<WebhookGrain> _logger;
    private Task _writes = Task.CompletedTask;
    private Task _delivering = Task.CompletedTask;
    private bool _wakeRequested;
    private bool _deleting;
    private CancellationTokenSource _stopping = new();
    private IGrainTimer? _retryTimer;

    public WebhookGrain(
        [PersistentState("webhook", GrainStorageNames.Governance)] IPersistentState<WebhookState> state,
        WebhookClient client,
        RetrySchedule schedule,
        IOptions<WebhookOptions> options,
        TimeProvider clock,
        ILogger<WebhookGrain> logger)
    {
        _state = state;
        _client = client;
        _schedule = schedule;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
    }

    private (string CooperativeId, string WebhookId) Ids => WebhookKey.Parse(this.GetPrimaryKeyString());

    private WebhookState State => _state.State;

    private DateTimeOffset Now => _clock.GetUtcNow();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_state.RecordExists)
        {
            StartDelivery();
        }

        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<CreatedWebhook> Create(CreateWebhookCommand command)
    {
        if (_state.RecordExists)
        {
            throw RuleViolationException.Conflict("webhook-exists", $"A webhook with id '{command.Id}' already exists.");
        }

        _state.State = new WebhookState
        {
            Url = command.Url,
            EventTypes = command.EventTypes?.ToList(),
            Description = command.Description,
            CreatedAt = Now,
            CreatedBy = command.CreatedBy,
            Secret = WebhookSecret.Generate(),

            // Events from now on, as receivers expect of a new subscription; a replay sends the history.
            Cursor = await Feed.End(),
        };
        await SaveAsync();
        await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        StartDelivery();
        return new CreatedWebhook(View(), State.Secret);
    }

    public Task<WebhookView> Get()
    {
        RequireExists();
        return Task.FromResult(View());
    }

    public async Task Delete()
    {
        RequireExists();

        // No page starts from here on, also while the clear waits behind a write in flight.
        _deleting = true;
        StopCurrentRun();
        try
        {
            await ClearAsync();
        }
        catch
        {
            _deleting = false;
            throw;
        }

        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        DeactivateOnIdle();
    }

    public async Task<CreatedWebhook> RotateSecret()
    {
        RequireExists();
        State.PreviousSecret = State.Secret;
        State.PreviousSecretExpiresAt = Now + SecretOverlap;
        State.Secret = WebhookSecret.Generate();
        await SaveAsync();
        return new CreatedWebhook(View(), State.Secret);
    }

    public async Task<WebhookView> Enable()
    {
        RequireExists();
        if (!State.Enabled)
        {
            State.Enable();
            await SaveAsync();
            _logger.WebhookEnabled(Ids.CooperativeId, Ids.WebhookId);
        }

        StartDelivery();
        return View();
    }

    public async Task<WebhookView> Replay(string? after)
    {
        RequireExists();

        // The cursor is checked by reading from it, so a replay never starts from a cursor the feed would refuse.
        await Feed.Read(after, 1, null);
        StopCurrentRun();
        State.ReplayFrom(after);
        await SaveAsync();
        StartDelivery();
        return View();
    }

    public Task<Page<WebhookDeliveryView>> ListDeliveries(string? cursor, int limit)
    {
        RequireExists();

        // Newest first; the cursor is a sequence number, so a page stays stable while attempts are added.
        var before = cursor is null ? long.MaxValue : Cursor.ToVersion(cursor, "cursor");
        var items = State.Deliveries.Where(delivery => delivery.Sequence < before).Reverse().Take(limit).ToList();
        var next = items.Count == limit && items[^1].Sequence > State.Deliveries[0].Sequence
            ? items[^1].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
        return Task.FromResult(new Page<WebhookDeliveryView>(items, next));
    }

    public Task Wake()
    {
        if (_state.RecordExists)
        {
            StartDelivery();
        }

        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Wake();

    public void Dispose() => _stopping.Dispose();

    private IFeedReaderGrain Feed => GrainFactory.GetGrain<IFeedReaderGrain>(Ids.CooperativeId);

    private void StartDelivery()
    {
        if (_delivering.IsCompleted)
        {
            _delivering = DeliverAsync();
        }
        else
        {
            _wakeRequested = true;
        }
    }

    private async Task DeliverAsync()
    {
        try
        {
            do
            {
                _wakeRequested = false;
                while (!_deleting && _state.RecordExists && State.Enabled && await DeliverPageAsync())
                {
                }
            }
            while (_wakeRequested);
        }
        catch (Exception exception)
        {
            // The reminder starts delivery again; the cursor only ever moved past accepted events.
            _logger.WebhookDeliveryStopped(exception, Ids.CooperativeId, Ids.WebhookId);
        }
    }

    /// <summary>Delivers one page; returns whether to read on at once (the page was delivered and more may follow).</summary>
    private async Task<bool> DeliverPageAsync()
    {
        if (State.NextAttemptAt is { } due && due > Now)
        {
            ScheduleRetry(due - Now);
            return false;
        }

        var stopping = _stopping.Token;
        var page = await Feed.Read(State.Cursor, PageSize, State.EventTypes);
        if (stopping.IsCancellationRequested)
        {
            return true;
        }

        if (page.Items.Count == 0)
        {
            if (page.NextCursor != (State.Cursor ?? "0"))
            {
                // Only events of other types followed; skipping them is progress too.
                State.Cursor = page.NextCursor;
                await SaveAsync();
            }

            return false;
        }

        // The page is sent off this grain's scheduler: each event's continuation would otherwise queue behind the
        // silo's other work, and the attempts are recorded here once the page is done.
        var attempts = await _client.DeliverInOrderAsync(
            new Uri(State.Url), page.Items, State.AttemptAt(page.Items[0].Id), State.SigningSecrets(Now), stopping);
        if (stopping.IsCancellationRequested || !_state.RecordExists)
        {
            return false;
        }

        foreach (var attempt in attempts)
        {
            if (!await RecordAsync(attempt))
            {
                return false;
            }
        }

        await SaveAsync();
        return attempts.Count == page.Items.Count;
    }

    /// <summary>Records one attempt; returns whether it was delivered and delivery may go on.</summary>
    private async Task<bool> RecordAsync(DeliveryAttempt attempt)
    {
        var (entry, number, at, duration, outcome) = attempt;
        var delivery = new WebhookDeliveryView(0, at, entry.Id, number, outcome.StatusCode, duration, outcome.Error, "delivered");
        switch (outcome.Status)
        {
            case DeliveryStatus.Delivered:
                State.Record(delivery);
                State.Delivered(entry.Id, entry.Cursor);
                return true;
            case DeliveryStatus.EndpointGone:
                State.Record(delivery with { Outcome = "disabled" });
                State.Disable("gone: the receiver answered 410", Now);
                _logger.WebhookDisabled(Ids.CooperativeId, Ids.WebhookId, State.DisabledReason!);
                await SaveAsync();
                return false;
            default:
                var disabled = State.Failed(entry.Id, number, _schedule.DelayBefore(number + 1, outcome.RetryAfter), _options.DisableAfter, Now);
                State.Record(delivery with { Outcome = disabled ? "disabled" : "failed" });
                if (disabled)
                {
                    _logger.WebhookDisabled(Ids.CooperativeId, Ids.WebhookId, State.DisabledReason!);
                }

                await SaveAsync();
                if (!disabled)
                {
                    ScheduleRetry(State.NextAttemptAt!.Value - Now);
                }

                return false;
        }
    }

    /// <summary>What is being delivered no longer counts: its page stops before its next event and is not recorded.</summary>
    private void StopCurrentRun()
    {
        // The run may still read the old token, so it is cancelled, not disposed; it holds no timer to release.
        _stopping.Cancel();
        _stopping = new CancellationTokenSource();
    }

    /// <summary>A retry soon gets a timer; a later one is also met by the reminder, which outlives this activation.</summary>
    private void ScheduleRetry(TimeSpan delay)
    {
        _retryTimer?.Dispose();
        _retryTimer = this.RegisterGrainTimer(
            () =>
            {
                StartDelivery();
                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    private Task SaveAsync() => OneWriteAtATime(_state.WriteStateAsync);

    private Task ClearAsync() => OneWriteAtATime(_state.ClearStateAsync);

    /// <summary>Interleaved turns must not write at once, or the second would fail its ETag check; writes queue instead.</summary>
    private Task OneWriteAtATime(Func<Task> write)
    {
        var previous = _writes;
        _writes = AfterAsync(previous, write);
        return _writes;

        static async Task AfterAsync(Task previous, Func<Task> write)
        {
            try
            {
                await previous;
            }
            catch (Exception)
            {
                // The write before failed, and its caller was told; this one goes ahead on its own.
            }

            await write();
        }
    }

    private void RequireExists()
    {
        if (!_state.RecordExists)
        {
            throw RuleViolationException.NotFound("webhook-not-found", "The cooperative has no webhook with this id.");
        }
    }

    private WebhookView View() =>
        new(
            Ids.WebhookId,
            State.Url,
            State.EventTypes,
            State.Description,
            State.Enabled ? WebhookStatus.Enabled : WebhookStatus.Disabled,
            State.DisabledReason,
            State.DisabledAt,
            State.CreatedAt,
            State.CreatedBy,
            State.Deliveries.Count > 0 ? State.Deliveries[^1] : null,
            new WebhookProgressView(State.Cursor, State.LastDeliveredEventId, State.PendingEventId, State.PendingAttempts, State.NextAttemptAt, State.FailingSince),
            State.PreviousSecretExpiresAt > Now ? State.PreviousSecretExpiresAt : null);
}
