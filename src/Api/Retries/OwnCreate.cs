namespace Governance.Api.Retries;

/// <summary>
/// Route metadata of a create whose id the client may choose. Only a create that names its id is retried (a generated
/// id would differ on each attempt and make a second resource). A retry refused with 409 asks
/// <see cref="RecognizeAsync"/>, which reads the stored resource and returns the create's own success when that
/// resource is the one the request describes, made by the caller: the earlier attempt stored it and its answer was lost.
/// </summary>
public sealed class OwnCreate
{
    private readonly Func<EndpointFilterInvocationContext, bool> _namesId;
    private readonly Func<EndpointFilterInvocationContext, Task<object?>> _recognize;

    private OwnCreate(Func<EndpointFilterInvocationContext, bool> namesId, Func<EndpointFilterInvocationContext, Task<object?>> recognize)
    {
        _namesId = namesId;
        _recognize = recognize;
    }

    /// <summary>A create whose body is a <typeparamref name="TRequest"/>, whose id <paramref name="id"/> reads.</summary>
    public static OwnCreate For<TRequest>(Func<TRequest, string?> id, Func<TRequest, HttpContext, Task<object?>> recognize) =>
        new(
            context => id(RequestOf<TRequest>(context)) is not null,
            context => recognize(RequestOf<TRequest>(context), context.HttpContext));

    public bool NamesId(EndpointFilterInvocationContext context) => _namesId(context);

    public Task<object?> RecognizeAsync(EndpointFilterInvocationContext context) => _recognize(context);

    private static TRequest RequestOf<TRequest>(EndpointFilterInvocationContext context) => context.Arguments.OfType<TRequest>().Single();
}
