package org.homestretch.adherence;

import org.homestretch.checkin.Symptom;

/** The dashboard's statement, kept apart from {@link AdherenceRepository}'s smaller queries. */
final class AttentionSql {

    /**
     * The formula of {@link AdherenceFormula} for every patient in scope, over the last 30 days,
     * then each reason, then whether a review still covers it. Parameters: clinic, user, mine,
     * patient, tz, today, now, reasons.
     */
    static final String ATTENTION = """
            with scope as (
                select p.id as patient_id, p.first_name, p.last_name, pr.id as program_id
                from patient p join program pr on pr.patient_id = p.id
                where p.clinic_id = :clinic and not p.archived and pr.current_version > 0
                  and (not :mine or p.therapist_id = :user)
                  and (cast(:patient as uuid) is null or p.id = cast(:patient as uuid))
            ),
            versions as (
                select v.program_id, v.number, (v.published_at at time zone :tz)::date as starts,
                       max(i.times_per_day * i.days_per_week) as per_week, max(i.times_per_day) as per_day
                from scope s
                join program_version v on v.program_id = s.program_id
                join program_item i on i.program_version_id = v.id
                group by v.program_id, v.id
            ),
            spans as (
                select program_id, starts, per_week, per_day,
                       lead(starts) over (partition by program_id order by number) as ends,
                       min(starts) over (partition by program_id) as began
                from versions
            ),
            days as (
                select s.program_id, s.began, s.per_week, s.per_day, d::date as day
                from spans s
                cross join lateral generate_series(greatest(s.starts, cast(:today as date) - 29)::timestamp,
                        least(coalesce(s.ends - 1, cast(:today as date)), cast(:today as date))::timestamp,
                        interval '1 day') d
            ),
            done_days as (
                select c.program_id, c.local_date, count(*) as done
                from scope s join checkin c on c.program_id = s.program_id
                where c.clinic_id = :clinic and c.withdrawn_at is null and c.status = 'DONE'
                  and c.local_date between cast(:today as date) - 29 and cast(:today as date)
                group by c.program_id, c.local_date
            ),
            counted as (
                select d.program_id, d.day, least(coalesce(dd.done, 0), d.per_day) as done,
                       case when d.day = cast(:today as date) or d.day = d.began
                            then least(d.per_week / 7.0, least(coalesce(dd.done, 0), d.per_day))
                            else d.per_week / 7.0 end as prescribed
                from days d left join done_days dd on dd.program_id = d.program_id and dd.local_date = d.day
            ),
            adherence as (
                select program_id,
                       coalesce(sum(done) filter (where day > cast(:today as date) - 7), 0) as done7,
                       coalesce(sum(prescribed) filter (where day > cast(:today as date) - 7), 0) as prescribed7,
                       sum(done) as done30, sum(prescribed) as prescribed30
                from counted group by program_id
            ),
            recent as (
                select c.program_id,
                       max(c.pain) filter (where c.local_date > cast(:today as date) - 7) as max_pain,
                       avg(c.pain) filter (where c.local_date > cast(:today as date) - 7) as pain_now,
                       avg(c.pain) filter (where c.local_date <= cast(:today as date) - 7) as pain_before,
                       max(c.local_date) filter (where cardinality(c.symptoms) > 0
                           and c.local_date > cast(:today as date) - 7) as red_flag_day,
                       string_agg(array_to_string(c.symptoms, ','), ',') filter (where cardinality(c.symptoms) > 0
                           and c.local_date > cast(:today as date) - 7) as red_flags,
                       max(c.created_at) filter (where cardinality(c.symptoms) > 0) as red_flag_at,
                       max(c.created_at) filter (where c.pain >= 7) as high_pain_at,
                       max(c.created_at) as last_at
                from scope s join checkin c on c.program_id = s.program_id
                where c.clinic_id = :clinic and c.withdrawn_at is null
                  and c.local_date > cast(:today as date) - 14 and c.local_date <= cast(:today as date)
                group by c.program_id
            ),
            latest as (
                select s.program_id,
                       (select max(c.local_date) from checkin c where c.program_id = s.program_id
                          and c.withdrawn_at is null and c.local_date <= cast(:today as date)) as last_day
                from scope s
            ),
            reviews as (
                select distinct on (r.patient_id, r.reason) r.patient_id, r.reason, r.reviewed_at,
                       coalesce(u.display_name, 'a former colleague') as reviewer
                from scope s join adherence_review r on r.patient_id = s.patient_id
                left join app_user u on u.id = r.reviewed_by
                where r.clinic_id = :clinic and r.reviewed_at > cast(:now as timestamptz) - interval '7 days'
                order by r.patient_id, r.reason, r.reviewed_at desc
            ),
            figures as (
                select s.patient_id, s.first_name, s.last_name, b.began,
                       a.done7, a.prescribed7, a.done30, a.prescribed30,
                       r.max_pain, r.pain_now, r.pain_before, cast(:today as date) - r.red_flag_day as red_flag_days_ago,
                       r.red_flags,
                       r.red_flag_at, r.high_pain_at, r.last_at, l.last_day,
                       cast(:today as date) - coalesce(l.last_day, b.began) as quiet_days,
                       r.red_flag_day is not null as red_flag,
                       coalesce(r.max_pain >= 7, false) or coalesce(r.pain_now - r.pain_before >= 2, false) as pain,
                       cast(:today as date) - coalesce(l.last_day, b.began) >= 3 as no_checkin,
                       a.prescribed7 > 0 and a.done7 < 0.5 * a.prescribed7 as low_adherence
                from scope s
                join (select program_id, min(starts) as began from versions group by program_id) b
                     on b.program_id = s.program_id
                join adherence a on a.program_id = s.program_id
                join latest l on l.program_id = s.program_id
                left join recent r on r.program_id = s.program_id
            ),
            judged as (
                select f.*,
                       v1.reviewed_at as red_flag_reviewed_at, v1.reviewer as red_flag_reviewer,
                       v2.reviewed_at as pain_reviewed_at, v2.reviewer as pain_reviewer,
                       v3.reviewed_at as no_checkin_reviewed_at, v3.reviewer as no_checkin_reviewer,
                       v4.reviewed_at as low_adherence_reviewed_at, v4.reviewer as low_adherence_reviewer,
                       f.red_flag and (v1.reviewed_at is null or coalesce(f.red_flag_at > v1.reviewed_at, false))
                           as red_flag_open,
                       f.pain and (v2.reviewed_at is null or coalesce(f.high_pain_at > v2.reviewed_at, false))
                           as pain_open,
                       f.no_checkin and (v3.reviewed_at is null or coalesce(f.last_at > v3.reviewed_at, false))
                           as no_checkin_open,
                       f.low_adherence and v4.reviewed_at is null as low_adherence_open
                from figures f
                left join reviews v1 on v1.patient_id = f.patient_id and v1.reason = 'RED_FLAG'
                left join reviews v2 on v2.patient_id = f.patient_id and v2.reason = 'PAIN'
                left join reviews v3 on v3.patient_id = f.patient_id and v3.reason = 'NO_CHECKIN'
                left join reviews v4 on v4.patient_id = f.patient_id and v4.reason = 'LOW_ADHERENCE'
            )
            select * from judged
            where cardinality(cast(:reasons as text[])) = 0
               or ('RED_FLAG' = any(cast(:reasons as text[])) and red_flag)
               or ('PAIN' = any(cast(:reasons as text[])) and pain)
               or ('NO_CHECKIN' = any(cast(:reasons as text[])) and no_checkin)
               or ('LOW_ADHERENCE' = any(cast(:reasons as text[])) and low_adherence)
            """;

    /**
     * Most urgent open reason first (an emergency sign before any other warning sign), then how many
     * reasons hold, then the lowest week, then the name.
     */
    static final String ORDER = """
            order by (red_flag_open and coalesce(red_flags ~ '%s', false)) desc, red_flag_open desc, pain_open desc, no_checkin_open desc, low_adherence_open desc,
                     red_flag::int + pain::int + no_checkin::int + low_adherence::int desc,
                     case when prescribed7 > 0 then done7 / prescribed7 end asc nulls last,
                     lower(last_name), lower(first_name), patient_id
            """.formatted(String.join("|", Symptom.of(Symptom.Tier.EMERGENCY).stream().map(Enum::name).toList()));

    private AttentionSql() {
    }
}
