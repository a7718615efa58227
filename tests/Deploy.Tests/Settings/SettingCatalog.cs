using System.ComponentModel;
using System.Reflection;
using Governance.Domain.Rules;
using Governance.Grains.Hosting;
using Orleans.Configuration;

namespace Governance.Deploy.Tests.Settings;

/// <summary>
/// What the code reads: options classes by their configuration section, found by reflection over the Governance
/// assemblies, plus the few variables read outside any section.
/// </summary>
internal static class SettingCatalog
{
    /// <summary>Read by ASP.NET Core itself; only those the manifests use.</summary>
    private static readonly string[] PlatformVariables = ["ASPNETCORE_HTTP_PORTS"];

    public static IReadOnlyDictionary<string, Type> Sections { get; } = DiscoverSections();

    public static IReadOnlySet<string> StandaloneVariables { get; } = PlatformVariables
        .Concat(typeof(KubernetesIdentity).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The property an environment variable sets (null for a standalone variable), or why none does. "A__B__C" is the
    /// configuration path "A:B:C"; its longest prefix that is a section names the class, the rest its properties.
    /// </summary>
    public static (PropertyInfo? Property, string? Problem) Resolve(string variable)
    {
        if (!variable.Contains("__", StringComparison.Ordinal))
        {
            return StandaloneVariables.Contains(variable)
                ? (null, null)
                : (null, $"no code reads the variable; known ones are {string.Join(", ", StandaloneVariables)}");
        }

        var path = variable.Replace("__", ":", StringComparison.Ordinal);
        var section = Sections.Keys
            .Where(name => path.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .MaxBy(name => name.Length);
        if (section is null)
        {
            return (null, $"'{path}' is in no options section; the sections are {string.Join(", ", Sections.Keys.Order(StringComparer.Ordinal))}");
        }

        var type = Sections[section];
        PropertyInfo? property = null;
        foreach (var segment in path[(section.Length + 1)..].Split(':'))
        {
            if (property is not null && IsValue(property.PropertyType))
            {
                return (null, $"{property.DeclaringType!.Name}.{property.Name} is a value, so '{segment}' under it is read by nothing");
            }

            property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property?.SetMethod is not { IsPublic: true })
            {
                return (null, $"{type.FullName} has no public settable property '{segment}'");
            }

            type = property.PropertyType;
        }

        return IsValue(type)
            ? (property, null)
            : (null, $"'{path}' names the object {type.Name}, not one of its values");
    }

    /// <summary>A type the configuration binder sets from one string, as opposed to one it binds key by key.</summary>
    public static bool IsValue(Type type) => TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

    private static Dictionary<string, Type> DiscoverSections()
    {
        var sections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
        {
            // GovernanceLimits lives in the domain, which knows nothing of configuration; the silo binds it here.
            [GovernanceSiloExtensions.LimitsSection] = typeof(GovernanceLimits),
            // Orleans' own failure detection settings, bound under the "Orleans" section.
            [GovernanceClusteringExtensions.MembershipSection] = typeof(ClusterMembershipOptions),
            // Bound by Orleans itself: ResponseTimeout for silos and clients alike, the client's gateway list refresh.
            ["Orleans:Messaging"] = typeof(MessagingOptions),
            ["Orleans:Gateway"] = typeof(GatewayOptions),
        };
        foreach (var type in GovernanceAssemblies().SelectMany(LoadableTypes))
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && field.FieldType == typeof(string))
            {
                sections.Add((string)field.GetRawConstantValue()!, type);
            }
        }

        return sections;
    }

    private static IEnumerable<Assembly> GovernanceAssemblies() =>
        Directory.GetFiles(AppContext.BaseDirectory, "Governance.*.dll")
            .Select(path => Assembly.Load(AssemblyName.GetAssemblyName(path)))
            .Where(assembly => assembly != typeof(SettingCatalog).Assembly);

    private static Type[] LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return [.. exception.Types.OfType<Type>()];
        }
    }
}
