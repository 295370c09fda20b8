using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Gateway.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gateway.Pages.Admin;

/// <summary>Admin sign-in (cookie) and sign-out.</summary>
internal sealed class SignInModel(AdminCredentials credentials, SignInThrottle throttle) : PageModel
{
    /// <summary>Whether an admin password exists (configured, or made by the first-run setup).</summary>
    public bool HasPassword => credentials.Exists;

    /// <summary>The admin user name.</summary>
    public string UserName => credentials.UserName;

    /// <summary>The password typed in.</summary>
    [BindProperty]
    [Required]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    /// <summary>Where to go after signing in (local paths only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the password and sets the admin cookie.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!credentials.Exists)
        {
            return Forbid(AdminAuthentication.Scheme);
        }

        var client = SignInClient.Of(HttpContext);
        var wait = throttle.RetryAfter(client);
        var ok = wait > TimeSpan.Zero || !ModelState.IsValid
            ? false
            : await throttle.CheckAsync(client, () => credentials.Verify(Password), HttpContext.RequestAborted).ConfigureAwait(false);
        if (ok != true)
        {
            // Locked out, or every password check slot busy: answered at once with 429, no thread held waiting.
            if (wait > TimeSpan.Zero || ok is null)
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                ModelState.AddModelError(nameof(Password), "Too many failed sign-ins; try again later.");
            }
            else
            {
                ModelState.AddModelError(nameof(Password), "Wrong password.");
            }

            return Page();
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, credentials.UserName), new Claim(ClaimTypes.Role, "admin")], AdminAuthentication.Scheme);
        await HttpContext.SignInAsync(AdminAuthentication.Scheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
    }

    /// <summary>Clears the admin cookie.</summary>
    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(AdminAuthentication.Scheme).ConfigureAwait(false);
        return LocalRedirect("/admin/signin");
    }
}
