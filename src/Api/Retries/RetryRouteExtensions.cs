namespace Governance.Api.Retries;

public static class RetryRouteExtensions
{
    /// <summary>Marks an idempotent route (a PUT or DELETE that sets one member's own state): a transient failure is retried.</summary>
    public static RouteHandlerBuilder RetriedWhenUnavailable(this RouteHandlerBuilder route) =>
        route.AddEndpointFilter<RetryWhenUnavailableFilter>();

    /// <summary>
    /// Marks a create whose id the client may choose: with the id named, retried like an idempotent route, and a 409 on
    /// a retry becomes the create's own success when <paramref name="ownCreate"/> recognises the stored resource.
    /// </summary>
    public static RouteHandlerBuilder RetriedAsCreate(this RouteHandlerBuilder route, OwnCreate ownCreate) =>
        route.WithMetadata(ownCreate).AddEndpointFilter<RetryWhenUnavailableFilter>();
}
