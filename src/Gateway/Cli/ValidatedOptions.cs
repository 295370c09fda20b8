using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Gateway.Cli;

/// <summary>
/// Options a command needs before its host is built (to decide whether to build one), bound and validated with the
/// same data annotations <c>ValidateDataAnnotations()</c> applies at start-up.
/// </summary>
internal static class ValidatedOptions
{
    /// <summary>Binds <paramref name="section"/>, then applies <paramref name="configure"/>; throws <see cref="OptionsValidationException"/> when it is invalid.</summary>
    public static T Read<T>(IConfiguration configuration, string section, Action<T>? configure = null)
        where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        configure?.Invoke(options);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new OptionsValidationException(section, typeof(T), [.. results.Select(r => $"{section}: {r.ErrorMessage}")]);
        }

        return options;
    }
}
