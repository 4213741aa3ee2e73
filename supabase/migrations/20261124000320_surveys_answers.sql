-- Surveys, answer rules: the steps public.submit_survey_response takes to check a respondent's
-- answers against the survey's definition, set-based over its questions.

create function private.survey_answer_date(p_value text)
returns date
language plpgsql
immutable
set search_path = ''
as $$
begin
  -- Only YYYY-MM-DD, and only real days: 2026-02-30 is not one (the cast would refuse it too).
  if p_value is null or p_value !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then
    return null;
  end if;
  if p_value::date not between date '1900-01-01' and date '2100-12-31' then
    return null;
  end if;
  return p_value::date;
exception when others then
  return null;
end;
$$;
comment on function private.survey_answer_date(text) is 'A YYYY-MM-DD text as a date between 1900 and 2100, or null (date answers).';
revoke execute on function private.survey_answer_date(text) from public;

-- Conditional display: is the earlier answer one of the condition's values? p_shown holds the valid
-- answers of the questions shown so far ({"key": "value" | ["a","b"] | 4}), so a condition on a
-- hidden question is never met and chains of conditions hide together.
create function private.survey_condition_met(p_condition jsonb, p_shown jsonb)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select case
    when p_condition is null then true
    else coalesce((
      select case jsonb_typeof(a.value)
        when 'array' then exists (
          select from jsonb_array_elements_text(a.value) chosen(v)
          where chosen.v in (select jsonb_array_elements_text(p_condition -> 'anyOf'))
        )
        when 'string' then (a.value #>> '{}') in (select jsonb_array_elements_text(p_condition -> 'anyOf'))
        when 'number' then (a.value #>> '{}') in (select jsonb_array_elements_text(p_condition -> 'anyOf'))
        else false
      end
      from (select p_shown -> (p_condition ->> 'question') as value) a
      where a.value is not null
    ), false)
  end;
$$;
comment on function private.survey_condition_met(jsonb, jsonb) is 'True when the condition is null or the earlier answer (in p_shown) matches one of its anyOf values.';
revoke execute on function private.survey_condition_met(jsonb, jsonb) from public;
